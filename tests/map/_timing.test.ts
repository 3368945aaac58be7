test("flags", () => {
  console.log("inspector", require("inspector").url());
  const v8 = require("v8");
  let t = Date.now();
  let s = 0;
  for (let i = 0; i < 50_000_000; i++) s = (s + Math.imul(i, 2654435761)) | 0;
  console.log("loop", Date.now() - t, s);
  const fn = new Function("let s=0; for (let i = 0; i < 50000000; i++) s = (s + Math.imul(i, 2654435761)) | 0; return s;");
  t = Date.now();
  console.log("fn", fn(), Date.now() - t);
  void v8;
});
