/**
 * The 25 residents and 8 player looks. Each resident's look follows a line of
 * their persona (the barista's apron, the pharmacist's coat, the painter's
 * beret); players get a spread of ages and styles.
 */
import { HAIR, Look, SKIN } from "./character-look";

const WHITE = 0xf4f0e8, BLACK = 0x2a2830, DENIM = 0x3e5a8a, KHAKI = 0xb8a070, BROWN_SHOE = 0x6a4428, GREY = 0x6a6a74;

export const RESIDENTS: Record<string, Look> = {
  latoya_williams: { skin: SKIN.deep, hair: HAIR.black, hairStyle: "braids", top: 0xe0a83a, topStyle: "tee", bottom: DENIM, bottomStyle: "jeans", shoes: WHITE, age: "adult", build: "slim", trinket: 0xf2d24a },
  rajiv_patel: { skin: SKIN.brown, hair: HAIR.black, hairStyle: "wavy", top: 0x5a8a9a, topStyle: "overalls", accent: 0xe8dcc8, bottom: 0x7a8aa8, bottomStyle: "pants", shoes: BROWN_SHOE, beard: "stubble", age: "adult", build: "average" },
  abigail_chen: { skin: SKIN.light, hair: HAIR.black, hairStyle: "bob", top: 0x8a5ab0, topStyle: "hoodie", accent: WHITE, bottom: BLACK, bottomStyle: "skirt", shoes: BLACK, glasses: 0x3a3040, age: "adult", build: "slim" },
  francisco_lopez: { skin: SKIN.tan, hair: HAIR.darkBrown, hairStyle: "spiky", top: 0xc83a3a, topStyle: "jacket", accent: BLACK, bottom: BLACK, bottomStyle: "pants", shoes: BLACK, beard: "goatee", age: "adult", build: "average" },
  hailey_johnson: { skin: SKIN.pale, hair: HAIR.ginger, hairStyle: "long", top: 0x5a9a5a, topStyle: "cardigan", accent: WHITE, bottom: 0x8a5a3a, bottomStyle: "skirt", shoes: BROWN_SHOE, age: "adult", build: "slim" },
  arthur_burton: { skin: SKIN.light, hair: HAIR.brown, hairStyle: "crop", top: 0x4a2e22, topStyle: "vest", accent: WHITE, bottom: BLACK, bottomStyle: "pants", shoes: BLACK, beard: "moustache", age: "adult", build: "broad" },
  ryan_park: { skin: SKIN.light, hair: HAIR.blueBlack, hairStyle: "short", top: 0x8a949e, topStyle: "hoodie", accent: 0x3a4a5a, bottom: DENIM, bottomStyle: "jeans", shoes: WHITE, hat: { style: "cap", color: 0x3a6ac0 }, age: "adult", build: "average" },
  isabella_rodriguez: { skin: SKIN.warm, hair: HAIR.darkBrown, hairStyle: "ponytail", top: 0xe88aa0, topStyle: "apron", accent: 0x3a8a6a, bottom: 0x4a3a44, bottomStyle: "pants", shoes: BROWN_SHOE, trinket: 0xf2d24a, age: "adult", build: "average" },
  giorgio_rossi: { skin: SKIN.olive, hair: HAIR.brown, hairStyle: "curly", top: 0x30407a, topStyle: "sweater", accent: WHITE, bottom: KHAKI, bottomStyle: "pants", shoes: BROWN_SHOE, beard: "full", glasses: 0x3a3040, age: "adult", build: "broad" },
  carlos_gomez: { skin: SKIN.tan, hair: HAIR.black, hairStyle: "long", top: 0x2a9a8a, topStyle: "shirt", accent: WHITE, bottom: 0x4a4450, bottomStyle: "pants", shoes: BLACK, hat: { style: "beret", color: 0x8a2a3a }, age: "adult", build: "slim" },
  klaus_mueller: { skin: SKIN.pale, hair: HAIR.blond, hairStyle: "parted", top: 0x9cc0e0, topStyle: "shirt", accent: WHITE, bottom: KHAKI, bottomStyle: "pants", shoes: BROWN_SHOE, glasses: 0x6a5a4a, age: "teen", build: "slim" },
  maria_lopez: { skin: SKIN.warm, hair: HAIR.brown, hairStyle: "wavy", top: 0xe86a9a, topStyle: "hoodie", accent: 0x4a2a3a, bottom: DENIM, bottomStyle: "jeans", shoes: 0xe8e4dc, age: "teen", build: "slim" },
  ayesha_khan: { skin: SKIN.olive, hair: HAIR.black, hairStyle: "long", top: 0xd8c8a0, topStyle: "cardigan", accent: 0x6a4a8a, bottom: 0x6a4a8a, bottomStyle: "skirt", shoes: BROWN_SHOE, hat: { style: "scarf", color: 0x9a2a4a }, age: "teen", build: "slim" },
  wolfgang_schulz: { skin: SKIN.pale, hair: HAIR.platinum, hairStyle: "crop", top: 0x5a9a4a, topStyle: "tee", bottom: 0x4a5a6a, bottomStyle: "shorts", shoes: 0xc8443c, age: "teen", build: "average" },
  mei_lin: { skin: SKIN.light, hair: HAIR.black, hairStyle: "bun", top: 0x3a8a9a, topStyle: "cardigan", accent: WHITE, bottom: 0x3a3a4a, bottomStyle: "pants", shoes: BLACK, trinket: 0xe8e0f0, age: "adult", build: "slim" },
  john_lin: { skin: SKIN.light, hair: HAIR.black, hairStyle: "parted", top: WHITE, topStyle: "labcoat", bottom: 0x4a4a5a, bottomStyle: "pants", shoes: BLACK, glasses: 0x2a2830, age: "adult", build: "average" },
  eddy_lin: { skin: SKIN.light, hair: HAIR.black, hairStyle: "spiky", top: 0xd84a3a, topStyle: "tee", bottom: DENIM, bottomStyle: "jeans", shoes: WHITE, age: "teen", build: "slim" },
  tom_moreno: { skin: SKIN.olive, hair: HAIR.grey, hairStyle: "short", top: 0x8a6a4a, topStyle: "apron", accent: 0x4a8a4a, bottom: 0x4a4a50, bottomStyle: "pants", shoes: BROWN_SHOE, beard: "moustache", age: "adult", build: "broad" },
  jane_moreno: { skin: SKIN.warm, hair: HAIR.auburn, hairStyle: "wavy", top: 0xeec84a, topStyle: "dress", bottom: 0xeec84a, bottomStyle: "skirt", shoes: 0x8a3a2a, age: "adult", build: "average" },
  tamara_taylor: { skin: SKIN.dark, hair: HAIR.black, hairStyle: "afro", top: 0x8a4ab0, topStyle: "dress", bottom: 0x8a4ab0, bottomStyle: "skirt", shoes: BLACK, trinket: 0xf2d24a, age: "adult", build: "average" },
  carmen_ortiz: { skin: SKIN.tan, hair: HAIR.black, hairStyle: "bob", top: 0xe0843c, topStyle: "overalls", accent: 0xe0843c, bottom: 0x4a6a9a, bottomStyle: "jeans", shoes: BROWN_SHOE, age: "adult", build: "average" },
  sam_moore: { skin: SKIN.pale, hair: HAIR.white, hairStyle: "bald", top: 0x8a5a3a, topStyle: "sweater", accent: WHITE, bottom: GREY, bottomStyle: "pants", shoes: BROWN_SHOE, beard: "full", age: "elder", build: "broad" },
  jennifer_moore: { skin: SKIN.light, hair: HAIR.grey, hairStyle: "bun", top: 0xb8a0d8, topStyle: "dress", bottom: 0xb8a0d8, bottomStyle: "skirt", shoes: 0x8a6a5a, hat: { style: "sunhat", color: 0xe8d08a }, age: "elder", build: "slim" },
  yuriko_yamamoto: { skin: SKIN.pale, hair: HAIR.black, hairStyle: "bob", top: 0x2e3a5a, topStyle: "suit", accent: WHITE, bottom: 0x2e3a5a, bottomStyle: "skirt", shoes: BLACK, trinket: 0xe8e0f0, age: "adult", build: "slim" },
  adam_smith: { skin: SKIN.pale, hair: HAIR.grey, hairStyle: "parted", top: 0x7a6a4a, topStyle: "jacket", accent: 0xe8dcc0, bottom: 0x5a5048, bottomStyle: "pants", shoes: BROWN_SHOE, beard: "goatee", glasses: 0x8a7a5a, age: "elder", build: "slim" },
};

export const PLAYERS: Look[] = [
  { skin: SKIN.light, hair: HAIR.pink, hairStyle: "ponytail", top: WHITE, topStyle: "tee", bottom: DENIM, bottomStyle: "jeans", shoes: 0xe05a6a, age: "adult", build: "slim" },
  { skin: SKIN.deep, hair: HAIR.black, hairStyle: "crop", top: 0xe0843c, topStyle: "hoodie", accent: WHITE, bottom: 0x3a3a44, bottomStyle: "shorts", shoes: WHITE, age: "adult", build: "broad" },
  { skin: SKIN.warm, hair: HAIR.blond, hairStyle: "short", top: 0xeec84a, topStyle: "tee", bottom: 0x4a70c0, bottomStyle: "shorts", shoes: 0xc8443c, hat: { style: "cap", color: 0xc8443c }, age: "kid", build: "slim" },
  { skin: SKIN.pale, hair: HAIR.white, hairStyle: "curly", top: 0xd8808c, topStyle: "cardigan", accent: WHITE, bottom: 0x5a4a6a, bottomStyle: "skirt", shoes: BROWN_SHOE, glasses: 0xb89a60, age: "elder", build: "average" },
  { skin: SKIN.olive, hair: HAIR.teal, hairStyle: "spiky", top: BLACK, topStyle: "jacket", accent: 0xc8c8d0, bottom: 0x3a3a44, bottomStyle: "pants", shoes: BLACK, trinket: 0xc8c8d0, age: "teen", build: "slim" },
  { skin: SKIN.light, hair: HAIR.auburn, hairStyle: "short", top: 0x3a6a4a, topStyle: "jacket", accent: 0xc8443c, bottom: KHAKI, bottomStyle: "pants", shoes: BROWN_SHOE, beard: "full", hat: { style: "beanie", color: 0x3a8a5a }, age: "adult", build: "broad" },
  { skin: SKIN.brown, hair: HAIR.darkBrown, hairStyle: "afro", top: 0x4aa05a, topStyle: "dress", bottom: 0x4aa05a, bottomStyle: "skirt", shoes: 0xeec84a, trinket: 0xf0a0c0, age: "adult", build: "slim" },
  { skin: SKIN.pale, hair: HAIR.ginger, hairStyle: "braids", top: 0xf0e2c0, topStyle: "overalls", accent: 0xf0e2c0, bottom: 0x5a7ab0, bottomStyle: "jeans", shoes: 0x8a5a3a, age: "kid", build: "slim" },
];
