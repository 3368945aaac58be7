/** The sectors and arenas of the Ville map, as the map generator names them (from the brief). */
export const VILLE_ARENAS: Record<string, string[]> = {
  "Lin family's house": ["Mei and John Lin's bedroom", "Eddy Lin's bedroom", "common room", "kitchen", "bathroom"],
  "Moreno family's house": ["Tom and Jane Moreno's bedroom", "empty bedroom", "common room", "kitchen", "bathroom"],
  "Moore family's house": ["Sam and Jennifer Moore's bedroom", "common room", "kitchen", "bathroom"],
  "Adam Smith's house": ["main room", "bathroom"],
  "Yuriko Yamamoto's house": ["main room", "bathroom"],
  "Tamara Taylor and Carmen Ortiz's house": ["Tamara Taylor's room", "Carmen Ortiz's room", "common room", "kitchen", "bathroom"],
  "Arthur Burton's apartment": ["main room", "bathroom"],
  "Ryan Park's apartment": ["main room", "bathroom"],
  "Isabella Rodriguez's apartment": ["main room", "bathroom"],
  "Giorgio Rossi's apartment": ["main room", "bathroom"],
  "Carlos Gomez's apartment": ["main room", "bathroom"],
  "artist's co-living space": [
    "Latoya Williams's room", "Rajiv Patel's room", "Abigail Chen's room", "Francisco Lopez's room",
    "Hailey Johnson's room", "common room", "kitchen", "bathroom",
  ],
  "Dorm for Oak Hill College": [
    "Klaus Mueller's room", "Maria Lopez's room", "Ayesha Khan's room", "Wolfgang Schulz's room",
    "common room", "kitchen", "men's bathroom", "women's bathroom",
  ],
  "Oak Hill College": ["classroom", "lecture hall", "library", "hallway"],
  "Hobbs Cafe": ["cafe", "kitchen", "restroom"],
  "The Rose and Crown Pub": ["pub", "kitchen"],
  "Harvey Oak Supply Store": ["supply store"],
  "The Willows Market and Pharmacy": ["market", "pharmacy"],
  "Johnson Park": ["park", "garden"],
};

export const VILLE_ARENA_KEYS = new Set(
  Object.entries(VILLE_ARENAS).flatMap(([sector, arenas]) => arenas.map((a) => `the Ville:${sector}:${a}`)),
);
