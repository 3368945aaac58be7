/**
 * Who this browser is: a random player token kept in localStorage (residents know the
 * person again on a later visit, and the host role follows it) and the last name and look.
 */
import { MAX_NAME_CHARS, PLAYER_LOOKS, type PlayerLook } from "../../shared/constants";

const TOKEN_KEY = "ville.token";
const PROFILE_KEY = "ville.join";
const TOKEN_CHARS = 32;
/** 64 symbols, so a random byte masked to 6 bits picks each one with equal chance. */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALID_TOKEN = /^[A-Za-z0-9_-]{24,64}$/;

let memoryToken: string | null = null;

/** The browser's player token, made on the first visit. */
export function playerToken(): string {
  const stored = read(TOKEN_KEY);
  if (stored && VALID_TOKEN.test(stored)) return stored;
  memoryToken ??= newToken();
  // Storage may be disabled (private mode): the token then lasts for this page only.
  write(TOKEN_KEY, memoryToken);
  return memoryToken;
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_CHARS));
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join("");
}

export interface Profile {
  name: string;
  look: PlayerLook;
}

export function loadProfile(): Profile {
  try {
    const raw = JSON.parse(read(PROFILE_KEY) ?? "{}") as { name?: unknown; look?: unknown };
    const look = PLAYER_LOOKS.find((l) => l === raw.look) ?? PLAYER_LOOKS[0];
    const name = typeof raw.name === "string" ? raw.name.slice(0, MAX_NAME_CHARS) : "";
    return { name, look };
  } catch {
    return { name: "", look: PLAYER_LOOKS[0] };
  }
}

export function saveProfile(profile: Profile): void {
  write(PROFILE_KEY, JSON.stringify(profile));
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Remembering is only a convenience.
  }
}
