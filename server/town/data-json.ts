/**
 * Plain JSON for the data in decisions' answers (Changes): maps and float vectors are
 * tagged so they come back as what they were. Used for answers that an overlapping run
 * holds until their step when the town is saved.
 */
const MAP = "$map";
const F32 = "$f32";

export function toData(value: unknown): unknown {
  if (value instanceof Map) return { [MAP]: [...value.entries()].map(([k, v]) => [toData(k), toData(v)]) };
  if (value instanceof Float32Array) return { [F32]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (Array.isArray(value)) return value.map(toData);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toData(v)]));
  return value;
}

export function fromData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromData);
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (MAP in o && Array.isArray(o[MAP])) return new Map((o[MAP] as [unknown, unknown][]).map(([k, v]) => [fromData(k), fromData(v)]));
  if (F32 in o && typeof o[F32] === "string") {
    const bytes = Buffer.from(o[F32] as string, "base64");
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromData(v)]));
}
