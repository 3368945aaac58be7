/**
 * A look for every resident of the city, drawn from a seeded stream per name:
 * age and build from the person, clothes from the job (the barista's apron, the
 * pharmacist's coat, the lawyer's suit), the rest at random. No two alike.
 */
import { HAIR, HairStyle, Look, SKIN, TopStyle } from "./character-look";
import { Person } from "./city-people";
import { Rng, hashString } from "./rng";

const SKINS = Object.values(SKIN);
const NATURAL_HAIR = [HAIR.black, HAIR.darkBrown, HAIR.brown, HAIR.auburn, HAIR.ginger, HAIR.blond, HAIR.platinum, HAIR.blueBlack];
const BRIGHT_HAIR = [HAIR.pink, HAIR.teal];
const FEMALE_HAIR: HairStyle[] = ["long", "bob", "ponytail", "bun", "curly", "braids", "wavy", "afro"];
const MALE_HAIR: HairStyle[] = ["short", "crop", "parted", "spiky", "curly", "afro", "wavy"];
const CLOTHES = [0xc8443c, 0x4a70c0, 0x3a8a6a, 0xe0a83a, 0x8a5ab0, 0xe88aa0, 0x5a9a5a, 0x30407a, 0x8a6a4a, 0x9cc0e0, 0xd8c8a0, 0x2a9a8a, 0xe0843c, 0x6a6a74, 0xf4f0e8, 0x2a2830, 0xb8a0d8, 0x7a2a3a];
const BOTTOMS = [0x3e5a8a, 0x2a2830, 0xb8a070, 0x4a4450, 0x6a6a74, 0x5a4a3a, 0x3a4a5a];
const SHOES = [0x2a2830, 0x6a4428, 0xf4f0e8, 0xc8443c, 0x8a5a3a];

/** Tops a job calls for; others dress as they like. */
const WORK_TOPS: Record<string, TopStyle[]> = {
  "cafe-owner": ["apron"], "barista": ["apron"], "publican": ["vest", "apron"], "bartender": ["vest"], "grocer": ["apron"],
  "shop-assistant": ["apron", "shirt"], "pharmacist": ["labcoat"], "hardware-owner": ["overalls"], "hardware-clerk": ["overalls", "shirt"],
  "lawyer": ["suit"], "accountant": ["suit", "shirt"], "insurance-agent": ["suit"], "professor": ["jacket", "cardigan", "sweater"],
  "teacher": ["cardigan", "sweater", "shirt"], "painter": ["overalls", "shirt"], "planner": ["shirt", "jacket"],
};
const CASUAL: TopStyle[] = ["tee", "shirt", "sweater", "jacket", "hoodie", "cardigan", "vest"];

export function lookFor(p: Person, attempt = 0): Look {
  const rng = new Rng(hashString(`${p.name}#${attempt}`));
  const age = p.age <= 12 ? "kid" : p.age <= 21 ? "teen" : p.age >= 65 ? "elder" : "adult";
  const grey = age === "elder" || (p.age >= 55 && rng.chance(0.5));
  const hair = grey ? rng.pick([HAIR.grey, HAIR.white]) : age !== "adult" && rng.chance(0.08) ? rng.pick(BRIGHT_HAIR) : rng.pick(NATURAL_HAIR);
  const styles = p.sex === "f" ? FEMALE_HAIR : MALE_HAIR;
  const hairStyle: HairStyle = p.sex === "m" && age === "elder" && rng.chance(0.35) ? "bald" : rng.pick(styles);
  let topStyle: TopStyle = rng.pick(WORK_TOPS[p.occupation] ?? CASUAL);
  if (p.sex === "f" && age !== "kid" && !WORK_TOPS[p.occupation] && rng.chance(0.2)) topStyle = "dress";
  const top = topStyle === "labcoat" ? 0xf4f0e8 : rng.pick(CLOTHES);
  const bottomStyle = topStyle === "dress" ? "skirt" : age === "kid" && rng.chance(0.5) ? "shorts" : p.sex === "f" && rng.chance(0.3) ? "skirt" : rng.chance(0.4) ? "jeans" : "pants";
  const look: Look = {
    skin: rng.pick(SKINS),
    hair,
    hairStyle,
    top,
    topStyle,
    accent: rng.chance(0.7) ? rng.pick(CLOTHES) : undefined,
    bottom: topStyle === "dress" ? top : bottomStyle === "jeans" ? 0x3e5a8a : rng.pick(BOTTOMS),
    bottomStyle,
    shoes: rng.pick(SHOES),
    age,
    build: age === "kid" ? "slim" : rng.pick(["slim", "average", "average", "broad"] as const),
  };
  if (rng.chance(0.12)) look.hat = { style: rng.pick(["cap", "beanie", "fedora", "sunhat", "beret", "scarf"] as const), color: rng.pick(CLOTHES) };
  if (rng.chance(age === "elder" ? 0.5 : 0.18)) look.glasses = rng.pick([0x2a2830, 0x6a5a4a, 0x8a7a5a, 0x3a3040]);
  if (p.sex === "m" && age !== "kid" && age !== "teen" && rng.chance(0.3)) look.beard = rng.pick(["full", "moustache", "goatee", "stubble"] as const);
  if (rng.chance(0.2)) look.trinket = rng.pick([0xf2d24a, 0xe8e0f0, 0xc8c8d0, 0xf0a0c0]);
  if (look.accent === undefined) delete look.accent;
  return look;
}
