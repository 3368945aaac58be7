/**
 * What a character looks like, as data: the painter turns a Look into a
 * 3 x 4 walk-cycle sheet.
 */
import { Color } from "./canvas";

export type HairStyle = "short" | "crop" | "long" | "bob" | "ponytail" | "bun" | "afro" | "curly" | "spiky" | "bald" | "parted" | "braids" | "wavy";
export type TopStyle = "tee" | "shirt" | "sweater" | "jacket" | "hoodie" | "dress" | "apron" | "labcoat" | "cardigan" | "suit" | "vest" | "overalls";
export type BottomStyle = "pants" | "shorts" | "skirt" | "jeans";
export type HatStyle = "cap" | "beanie" | "fedora" | "sunhat" | "beret" | "scarf" | "chef";
export type Beard = "full" | "moustache" | "goatee" | "stubble";
export type Age = "kid" | "teen" | "adult" | "elder";
export type Build = "slim" | "average" | "broad";

export interface Look {
  skin: Color;
  hair: Color;
  hairStyle: HairStyle;
  top: Color;
  topStyle: TopStyle;
  /** Collar, trim, apron or inner shirt colour. */
  accent?: Color;
  bottom: Color;
  bottomStyle: BottomStyle;
  shoes: Color;
  hat?: { style: HatStyle; color: Color };
  glasses?: Color;
  beard?: Beard;
  age: Age;
  build: Build;
  /** Earrings, a necklace or a bag strap. */
  trinket?: Color;
}

export const SKIN = {
  pale: 0xf6d8c4,
  light: 0xeec6a4,
  warm: 0xe0ac84,
  tan: 0xc88a60,
  olive: 0xb8875a,
  brown: 0x9a6440,
  deep: 0x74482e,
  dark: 0x5a3622,
} as const;

export const HAIR = {
  black: 0x231c24,
  darkBrown: 0x4a2e22,
  brown: 0x7a4a2c,
  auburn: 0x9a3e26,
  ginger: 0xd0702e,
  blond: 0xe8c66a,
  platinum: 0xf0e6c4,
  grey: 0xa8a4a4,
  white: 0xeeeae6,
  blueBlack: 0x1e2438,
  pink: 0xe07a9a,
  teal: 0x3aa0a0,
} as const;
