/** Text formatting for the HUD. Game time is ms since the epoch, read as UTC (the town's local time). */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const two = (n: number) => String(n).padStart(2, "0");

/** "Mon Feb 13 2023, 08:30" */
export function formatGameDateTime(gameTimeMs: number): string {
  const d = new Date(gameTimeMs);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}, ${formatGameClock(gameTimeMs)}`;
}

/** "08:30" */
export function formatGameClock(gameTimeMs: number): string {
  const d = new Date(gameTimeMs);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "paused", "1x", "2.5x" */
export function formatSpeed(paused: boolean, speed: number): string {
  if (paused) return "paused";
  const rounded = Math.round(speed * 100) / 100;
  return `${rounded}x`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
