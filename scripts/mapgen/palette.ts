/**
 * The fixed palette. Every painter picks from these names (and shades of them)
 * so the town reads as one piece of art.
 */
export const P = {
  ink: 0x241c2c, // outlines
  inkSoft: 0x3c3044,
  shadow: 0x14101c,
  white: 0xf6f2e8,
  paper: 0xeae3d2,
  // nature
  grass: 0x5da14a,
  grassDark: 0x48873c,
  grassLight: 0x79b85a,
  grassDry: 0x93b35a,
  leaf: 0x3f8a44,
  leafDark: 0x2c6636,
  leafLight: 0x6cb85a,
  pine: 0x2f6e4c,
  pineDark: 0x1f4e3a,
  blossom: 0xf0a8c0,
  bark: 0x6b4a32,
  barkDark: 0x4a3224,
  dirt: 0xa9824f,
  dirtDark: 0x8a6840,
  soil: 0x6a4a34,
  soilDark: 0x4e3628,
  sand: 0xdcc890,
  water: 0x3f86c8,
  waterDeep: 0x2f6aa8,
  waterLight: 0x8cc8ee,
  // town
  asphalt: 0x4a4a56,
  asphaltDark: 0x3c3c48,
  lane: 0xe8c84a,
  concrete: 0xbcb6aa,
  concreteDark: 0x9a948a,
  curb: 0xd6d0c4,
  cobble: 0xa8a096,
  brick: 0xb0503c,
  brickDark: 0x8a3a2e,
  stone: 0x9a9490,
  // wood and fabrics
  wood: 0xb07a48,
  woodLight: 0xcc9a62,
  woodDark: 0x7e5434,
  woodRed: 0x8e4a34,
  woodPale: 0xd8b888,
  metal: 0xa8b0b8,
  metalDark: 0x6c7480,
  glass: 0x9cd0e8,
  red: 0xc8443c,
  orange: 0xe0843c,
  yellow: 0xeec84a,
  green: 0x5a9c4a,
  teal: 0x3a9c9c,
  blue: 0x4a70c0,
  navy: 0x30407a,
  purple: 0x8a5aa8,
  pink: 0xe08aa8,
  cream: 0xf0e2c0,
  beige: 0xd4c09c,
  grey: 0x8c8c94,
  charcoal: 0x4a4650,
} as const;

/** Room wallpapers, by name: the colour of a wall's front face seen from inside. */
export const WALLPAPER: Record<string, { base: number; trim: number; pattern: "plain" | "stripe" | "dots" | "panel" | "brick" | "tile" }> = {
  cream: { base: 0xe8dcc0, trim: 0xb89a70, pattern: "plain" },
  sage: { base: 0xb8ccaa, trim: 0x7e9470, pattern: "stripe" },
  rose: { base: 0xe4bcb8, trim: 0xa87c78, pattern: "dots" },
  sky: { base: 0xb4cce0, trim: 0x7890a8, pattern: "stripe" },
  butter: { base: 0xf0dc9c, trim: 0xb89c5c, pattern: "dots" },
  lilac: { base: 0xc8b8dc, trim: 0x8c7ca8, pattern: "stripe" },
  wood: { base: 0xa8764c, trim: 0x6e4a30, pattern: "panel" },
  darkwood: { base: 0x6e4634, trim: 0x46281c, pattern: "panel" },
  tile: { base: 0xdce8ec, trim: 0x98acb4, pattern: "tile" },
  mint: { base: 0xc4e4d4, trim: 0x84a898, pattern: "tile" },
  brickIn: { base: 0xb86a50, trim: 0x7e4030, pattern: "brick" },
  grey: { base: 0xc8c8c8, trim: 0x8c8c94, pattern: "plain" },
  green: { base: 0x7ea884, trim: 0x4e7058, pattern: "panel" },
  navy: { base: 0x5a6a98, trim: 0x38446c, pattern: "stripe" },
};

/** Exterior looks of buildings: facade, cap (wall top) and window frame. */
export const FACADE: Record<string, { base: number; dark: number; cap: number; pattern: "brick" | "siding" | "stucco" | "stone" | "shingle"; frame: number }> = {
  redBrick: { base: 0xb4563e, dark: 0x8c3c2e, cap: 0x7a5a56, pattern: "brick", frame: 0xf0e6d0 },
  blueSiding: { base: 0x7a9cc4, dark: 0x5a7aa0, cap: 0x66718c, pattern: "siding", frame: 0xf6f2e8 },
  creamStucco: { base: 0xe6d6b0, dark: 0xc4b08a, cap: 0x948472, pattern: "stucco", frame: 0x7e5434 },
  greenSiding: { base: 0x8cb08a, dark: 0x6a8c6a, cap: 0x667c6a, pattern: "siding", frame: 0xf6f2e8 },
  greyStone: { base: 0xa8a4a0, dark: 0x84807c, cap: 0x76727c, pattern: "stone", frame: 0x4a4650 },
  yellowSiding: { base: 0xe8cc78, dark: 0xc4a858, cap: 0x94805e, pattern: "siding", frame: 0xf6f2e8 },
  pinkStucco: { base: 0xe4aaa0, dark: 0xc48880, cap: 0x967074, pattern: "stucco", frame: 0xf6f2e8 },
  brownShingle: { base: 0x9a6e4e, dark: 0x7a5238, cap: 0x6e5444, pattern: "shingle", frame: 0xeadcc0 },
  tealSiding: { base: 0x6aaaa4, dark: 0x4e8a86, cap: 0x587876, pattern: "siding", frame: 0xf6f2e8 },
  whiteBrick: { base: 0xe0dcd4, dark: 0xb8b2a8, cap: 0x86828c, pattern: "brick", frame: 0x3e4a66 },
};

/** Floors, by name. */
export type FloorName =
  | "oak" | "walnut" | "pine" | "herringbone" | "checker" | "kitchenTile" | "bathTile" | "carpetRed" | "carpetBlue"
  | "carpetGreen" | "linoleum" | "stone" | "concrete" | "parquet" | "terracotta" | "mosaic";
