import { MAX_CHAT_CHARS } from "../../shared/constants";
import { CLIENT_MESSAGE_TYPES, NEEDS_AVATAR, screenMessage, type Sender } from "../../server/rooms/dispatch";
import { TokenBucket } from "../../server/rooms/rate-limit";

const player = (): Sender => ({ spectator: false, limiter: new TokenBucket({ perSecond: 1, burst: 100, noticeEveryMs: 1000 }, 0) });
const spectator = (): Sender => ({ ...player(), spectator: true });

test("valid messages pass with their parsed payload", () => {
  expect(screenMessage(player(), "move", { x: 3, y: 4 }, 0)).toEqual({ ok: true, type: "move", message: { x: 3, y: 4 } });
  expect(screenMessage(player(), "walk", { dir: "left" }, 0)).toEqual({ ok: true, type: "walk", message: { dir: "left" } });
  expect(screenMessage(player(), "stop", undefined, 0)).toEqual({ ok: true, type: "stop", message: {} });
  expect(screenMessage(player(), "say", { text: "  hi  " }, 0)).toEqual({ ok: true, type: "say", message: { text: "hi" } });
});

test.each([
  ["move", { x: "a", y: 1 }, /x/],
  ["move", { x: 1.5, y: 1 }, /x/],
  ["move", { x: -1, y: 1 }, /x/],
  ["move", { x: 1, y: 1, z: 1 }, /z/],
  ["move", null, /expected object/],
  ["walk", { dir: "north" }, /dir/],
  ["say", { text: "a".repeat(MAX_CHAT_CHARS + 1) }, /text/],
  ["say", { text: "" }, /text/],
  ["stop", { now: true }, /now/],
])("%s %j is a BAD_MESSAGE naming the field", (type, payload, field) => {
  const result = screenMessage(player(), type, payload, 0);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatchObject({ code: "bad_message", type });
  expect(result.error!.message).toMatch(field);
});

test("unknown types are named back, cut short, with the known ones listed", () => {
  const result = screenMessage(player(), "x".repeat(500), {}, 0);
  expect(result).toMatchObject({ ok: false, error: { code: "unknown_type" } });
  if (result.ok) return;
  expect(result.error!.type!.length).toBeLessThanOrEqual(40);
  expect(result.error!.message).toContain(CLIENT_MESSAGE_TYPES.join(", "));
  // Inherited object keys are not message types.
  expect(screenMessage(player(), "toString", {}, 0)).toMatchObject({ ok: false, error: { code: "unknown_type" } });
  expect(screenMessage(player(), "__proto__", {}, 0)).toMatchObject({ ok: false, error: { code: "unknown_type" } });
});

test("spectators may not act through an avatar", () => {
  for (const type of NEEDS_AVATAR) {
    const payloads: Record<string, unknown> = { move: { x: 1, y: 1 }, walk: { dir: "up" }, stop: {}, say: { text: "hi" } };
    const payload = payloads[type];
    expect(screenMessage(spectator(), type, payload, 0)).toMatchObject({ ok: false, error: { code: "spectator", type } });
  }
  // Bad input from a spectator is still reported as bad input.
  expect(screenMessage(spectator(), "move", { x: "a" }, 0)).toMatchObject({ ok: false, error: { code: "bad_message" } });
});

test("rate limiting comes first: dropped messages cost nothing more and notify once", () => {
  const sender: Sender = { spectator: false, limiter: new TokenBucket({ perSecond: 1, burst: 2, noticeEveryMs: 1000 }, 0) };
  expect(screenMessage(sender, "stop", {}, 0).ok).toBe(true);
  expect(screenMessage(sender, "nonsense", {}, 0)).toMatchObject({ ok: false, error: { code: "unknown_type" } });
  expect(screenMessage(sender, "stop", {}, 0)).toMatchObject({ ok: false, error: { code: "rate_limited", type: "stop" } });
  expect(screenMessage(sender, "stop", {}, 10)).toEqual({ ok: false, error: null });
  expect(screenMessage(sender, "stop", {}, 1000).ok).toBe(true);
});
