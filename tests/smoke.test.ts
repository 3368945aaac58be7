import { z } from "zod";
import { schema, t } from "@colyseus/schema";
test("toolchain", () => {
  const S = schema({ n: t.number().default(1) });
  expect(new S().n).toBe(1);
  expect(z.string().parse("a")).toBe("a");
});
