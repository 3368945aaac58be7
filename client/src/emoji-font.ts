/**
 * The bundled colour emoji font (Noto Color Emoji, OFL-1.1, from @fontsource), so emoji
 * look the same on every machine. It is registered under a family name of our own with a
 * unicode-range of emoji code points, so it can come first in every font stack without
 * taking over letters and digits. Phaser draws text once onto a canvas and never redraws
 * when a font arrives later, so the town view waits for `loadEmojiFont()` first.
 */
import emojiFontUrl from "@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff2?url";

export const EMOJI_FAMILY = "Ville Emoji";
/** Emoji blocks and the joiners and selectors that build emoji sequences. */
const EMOJI_RANGE = [
  "U+200D", "U+20E3", "U+2139", "U+2194-2199", "U+21A9-21AA", "U+231A-231B", "U+2328", "U+23CF", "U+23E9-23F3",
  "U+23F8-23FA", "U+24C2", "U+25AA-25AB", "U+25B6", "U+25C0", "U+25FB-25FE", "U+2600-27BF", "U+2934-2935",
  "U+2B05-2B07", "U+2B1B-2B1C", "U+2B50", "U+2B55", "U+3030", "U+303D", "U+3297", "U+3299", "U+FE0F",
  "U+1F000-1FAFF", "U+E0020-E007F",
].join(", ");
const TEXT_FONTS = '"Trebuchet MS", "DejaVu Sans", Verdana, sans-serif';
/** For Phaser texts and the DOM: emoji from the bundled font, everything else from the text fonts. */
export const FONT_STACK = `"${EMOJI_FAMILY}", ${TEXT_FONTS}`;
const LOAD_TIMEOUT_MS = 20_000;

export type EmojiFontStatus = "loading" | "loaded" | "failed";
let status: EmojiFontStatus = "loading";
let loading: Promise<EmojiFontStatus> | null = null;

export function emojiFontStatus(): EmojiFontStatus {
  return status;
}

/** Registers and loads the font once; resolves (never rejects) when it is usable or has failed. */
export function loadEmojiFont(): Promise<EmojiFontStatus> {
  loading ??= (async () => {
    try {
      const face = new FontFace(EMOJI_FAMILY, `url("${emojiFontUrl}") format("woff2")`, { unicodeRange: EMOJI_RANGE, display: "block" });
      document.fonts.add(face);
      await Promise.race([
        face.load(),
        new Promise((_, reject) => setTimeout(() => reject(new Error("emoji font timed out")), LOAD_TIMEOUT_MS)),
      ]);
      // The face is loaded; this also settles what the document's font set knows about it.
      await document.fonts.load(`16px "${EMOJI_FAMILY}"`, "😀");
      status = "loaded";
    } catch (error) {
      console.warn("The emoji font could not be loaded; emoji fall back to the system's.", error);
      status = "failed";
    }
    return status;
  })();
  return loading;
}
