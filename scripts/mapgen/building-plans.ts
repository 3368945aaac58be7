/**
 * Floor plans of every building, drawn as text so they can be read at a glance.
 * '#' wall, '+' inner door, '@' front door, '.' shared floor without an arena
 * (corridors of the apartment block), a letter = a room from the legend.
 * Plans are drawn with the front door at the bottom; the layout flips them
 * when the street is to the north.
 */
import { FloorName } from "./palette";

export interface RoomSpec {
  arena: string;
  /** Furnishing recipe (see room-recipes.ts). */
  kind: string;
  floor: FloorName;
  wallpaper: string;
  residents?: string[];
  /** Sector of this room when a building holds several (apartments). */
  sector?: string;
  /** Extra furniture kinds that make the room its owner's. */
  extras?: string[];
}

export interface BuildingPlan {
  id: string;
  /** The sector of the whole building; omitted when every room names its own. */
  sector?: string;
  facade: string;
  /** Floor of '.' cells and of doorways between two sectors. */
  hallFloor?: FloorName;
  rows: string[];
  rooms: Record<string, RoomSpec>;
  /** Shops get display windows and an awning of this colour. */
  awning?: number;
}

const home = (arena: string, kind: string, floor: FloorName, wallpaper: string, residents: string[] = [], extras: string[] = []): RoomSpec =>
  ({ arena, kind, floor, wallpaper, residents, extras });

export const PLANS: BuildingPlan[] = [
  {
    id: "lin",
    sector: "Lin family's house",
    facade: "blueSiding",
    rows: [
      "##################",
      "#AAAAA#BBBB#KKKKK#",
      "#AAAAA#BBBB#KKKKK#",
      "#AAAAA#BBBB#KKKKK#",
      "#AAAAA#BBBB#KKKKK#",
      "##+#####+###+#####",
      "#LLLLLLLLLLLL#CCC#",
      "#LLLLLLLLLLLL#CCC#",
      "#LLLLLLLLLLLL+CCC#",
      "#LLLLLLLLLLLL#CCC#",
      "####@#############",
    ],
    rooms: {
      A: home("Mei and John Lin's bedroom", "couple-bedroom", "oak", "sage", ["Mei Lin", "John Lin"]),
      B: home("Eddy Lin's bedroom", "bedroom", "pine", "sky", ["Eddy Lin"], ["guitar"]),
      K: home("kitchen", "kitchen", "kitchenTile", "butter"),
      L: home("common room", "common-room", "herringbone", "cream", [], ["piano"]),
      C: home("bathroom", "bathroom", "bathTile", "tile"),
    },
  },
  {
    id: "moreno",
    sector: "Moreno family's house",
    facade: "creamStucco",
    rows: [
      "####################",
      "#AAAAA#LLLLLL#KKKKK#",
      "#AAAAA#LLLLLL#KKKKK#",
      "#AAAAA+LLLLLL+KKKKK#",
      "#AAAAA#LLLLLL#KKKKK#",
      "#######LLLLLL#######",
      "#EEEEE#LLLLLL#CCCCC#",
      "#EEEEE+LLLLLL#CCCCC#",
      "#EEEEE#LLLLLL+CCCCC#",
      "#EEEEE#LLLLLL#CCCCC#",
      "#########@##########",
    ],
    rooms: {
      A: home("Tom and Jane Moreno's bedroom", "couple-bedroom", "walnut", "rose", ["Tom Moreno", "Jane Moreno"]),
      E: home("empty bedroom", "guest-bedroom", "oak", "cream"),
      L: home("common room", "common-room", "parquet", "butter"),
      K: home("kitchen", "kitchen", "terracotta", "cream"),
      C: home("bathroom", "bathroom", "mosaic", "mint"),
    },
  },
  {
    id: "moore",
    sector: "Moore family's house",
    facade: "brownShingle",
    rows: [
      "################",
      "#AAAAAA#KKKKKKK#",
      "#AAAAAA#KKKKKKK#",
      "#AAAAAA#KKKKKKK#",
      "#AAAAAA#KKKKKKK#",
      "###+#####+######",
      "#LLLLLLLLL#CCCC#",
      "#LLLLLLLLL#CCCC#",
      "#LLLLLLLLL+CCCC#",
      "#LLLLLLLLL#CCCC#",
      "#####@##########",
    ],
    rooms: {
      A: home("Sam and Jennifer Moore's bedroom", "couple-bedroom", "oak", "lilac", ["Sam Moore", "Jennifer Moore"], ["easel"]),
      K: home("kitchen", "kitchen", "checker", "sage"),
      L: home("common room", "common-room", "carpetGreen", "wood"),
      C: home("bathroom", "bathroom", "bathTile", "tile"),
    },
  },
  {
    id: "adam",
    sector: "Adam Smith's house",
    facade: "greyStone",
    rows: [
      "#############",
      "#MMMMMMM#BBB#",
      "#MMMMMMM#BBB#",
      "#MMMMMMM+BBB#",
      "#MMMMMMM#BBB#",
      "#MMMMMMM#BBB#",
      "###@#########",
    ],
    rooms: {
      M: home("main room", "main-room", "walnut", "darkwood", ["Adam Smith"], ["bookshelf"]),
      B: home("bathroom", "bathroom", "bathTile", "mint"),
    },
  },
  {
    id: "yuriko",
    sector: "Yuriko Yamamoto's house",
    facade: "whiteBrick",
    rows: [
      "##############",
      "#BBBB#MMMMMMM#",
      "#BBBB#MMMMMMM#",
      "#BBBB+MMMMMMM#",
      "######MMMMMMM#",
      "######MMMMMMM#",
      "#########@####",
    ],
    rooms: {
      M: home("main room", "main-room", "pine", "grey", ["Yuriko Yamamoto"], ["computer desk"]),
      B: home("bathroom", "bathroom", "mosaic", "tile"),
    },
  },
  {
    id: "taylor",
    sector: "Tamara Taylor and Carmen Ortiz's house",
    facade: "pinkStucco",
    rows: [
      "######################",
      "#TTTTTT#LLLLLLL#KKKKK#",
      "#TTTTTT#LLLLLLL#KKKKK#",
      "#TTTTTT+LLLLLLL+KKKKK#",
      "#TTTTTT#LLLLLLL#KKKKK#",
      "########LLLLLLL#######",
      "#OOOOOO#LLLLLLL#CCCCC#",
      "#OOOOOO+LLLLLLL#CCCCC#",
      "#OOOOOO#LLLLLLL+CCCCC#",
      "#OOOOOO#LLLLLLL#CCCCC#",
      "###########@##########",
    ],
    rooms: {
      T: home("Tamara Taylor's room", "bedroom", "oak", "butter", ["Tamara Taylor"], ["writing desk"]),
      O: home("Carmen Ortiz's room", "bedroom", "carpetRed", "rose", ["Carmen Ortiz"]),
      L: home("common room", "common-room", "pine", "sage"),
      K: home("kitchen", "kitchen", "kitchenTile", "sky"),
      C: home("bathroom", "bathroom", "bathTile", "tile"),
    },
  },
  {
    id: "apartments",
    facade: "redBrick",
    hallFloor: "linoleum",
    rows: [
      "###############################",
      "#AAAAA#aaa#BBBBB#bbb#CCCCC#ccc#",
      "#AAAAA#aaa#BBBBB#bbb#CCCCC#ccc#",
      "#AAAAA+aaa#BBBBB+bbb#CCCCC+ccc#",
      "#AAAAA#aaa#BBBBB#bbb#CCCCC#ccc#",
      "#AAAAA#aaa#BBBBB#bbb#CCCCC#ccc#",
      "##+#########+#########+########",
      "#.............................#",
      "#.............................#",
      "####+#########+######.........#",
      "#DDDDD#ddd#EEEEE#eee#.........#",
      "#DDDDD#ddd#EEEEE#eee#.........#",
      "#DDDDD+ddd#EEEEE+eee#.........#",
      "#DDDDD#ddd#EEEEE#eee#.........#",
      "#DDDDD#ddd#EEEEE#eee#.........#",
      "########################@@#####",
    ],
    rooms: apartmentRooms(),
  },
  {
    id: "coliving",
    sector: "artist's co-living space",
    facade: "tealSiding",
    rows: [
      "###########################",
      "#AAAAAA#LLLLLLLLLLL#CCCCCC#",
      "#AAAAAA#LLLLLLLLLLL#CCCCCC#",
      "#AAAAAA+LLLLLLLLLLL+CCCCCC#",
      "########LLLLLLLLLLL########",
      "#BBBBBB#LLLLLLLLLLL#DDDDDD#",
      "#BBBBBB#LLLLLLLLLLL#DDDDDD#",
      "#BBBBBB+LLLLLLLLLLL+DDDDDD#",
      "########LLLLLLLLLLL########",
      "#EEEEEE#LLLLLLLLLLL#KKKKKK#",
      "#EEEEEE#LLLLLLLLLLL#KKKKKK#",
      "#EEEEEE+LLLLLLLLLLL+KKKKKK#",
      "########LLLLLLLLLLL#KKKKKK#",
      "#WWWWWW+LLLLLLLLLLL#KKKKKK#",
      "#WWWWWW#LLLLLLLLLLL#KKKKKK#",
      "#############@#############",
    ],
    rooms: {
      A: home("Latoya Williams's room", "bedroom", "oak", "butter", ["Latoya Williams"], ["camera tripod"]),
      B: home("Rajiv Patel's room", "bedroom", "pine", "sky", ["Rajiv Patel"], ["easel"]),
      C: home("Abigail Chen's room", "bedroom", "carpetBlue", "lilac", ["Abigail Chen"], ["computer desk"]),
      D: home("Francisco Lopez's room", "bedroom", "walnut", "rose", ["Francisco Lopez"], ["vanity"]),
      E: home("Hailey Johnson's room", "bedroom", "herringbone", "sage", ["Hailey Johnson"], ["writing desk"]),
      L: home("common room", "studio-common", "herringbone", "cream", [], ["easel", "piano"]),
      K: home("kitchen", "kitchen", "checker", "butter"),
      W: home("bathroom", "bathroom", "bathTile", "mint"),
    },
  },
  {
    id: "dorm",
    sector: "Dorm for Oak Hill College",
    facade: "redBrick",
    rows: [
      "###############################",
      "#AAAAAA#BBBBBB#MMMMMMM#FFFFFFF#",
      "#AAAAAA#BBBBBB#MMMMMMM#FFFFFFF#",
      "#AAAAAA#BBBBBB#MMMMMMM#FFFFFFF#",
      "#AAAAAA#BBBBBB#MMMMMMM#FFFFFFF#",
      "###+######+#######+#######+####",
      "#LLLLLLLLLLLLLLLLLLLLLLLLLLLLL#",
      "#LLLLLLLLLLLLLLLLLLLLLLLLLLLLL#",
      "@LLLLLLLLLLLLLLLLLLLLLLLLLLLLL@",
      "#LLLLLLLLLLLLLLLLLLLLLLLLLLLLL#",
      "###+######+#######+############",
      "#CCCCCC#DDDDDD#KKKKKKKKKKKKKKK#",
      "#CCCCCC#DDDDDD#KKKKKKKKKKKKKKK#",
      "#CCCCCC#DDDDDD#KKKKKKKKKKKKKKK#",
      "#CCCCCC#DDDDDD#KKKKKKKKKKKKKKK#",
      "###############################",
    ],
    rooms: {
      A: home("Klaus Mueller's room", "dorm-room", "linoleum", "sky", ["Klaus Mueller"], ["bookshelf"]),
      B: home("Maria Lopez's room", "dorm-room", "linoleum", "lilac", ["Maria Lopez"], ["computer desk"]),
      C: home("Ayesha Khan's room", "dorm-room", "linoleum", "rose", ["Ayesha Khan"], ["bookshelf"]),
      D: home("Wolfgang Schulz's room", "dorm-room", "linoleum", "sage", ["Wolfgang Schulz"], ["guitar"]),
      L: home("common room", "dorm-common", "carpetBlue", "cream"),
      K: home("kitchen", "kitchen", "kitchenTile", "butter"),
      M: home("men's bathroom", "bathroom", "bathTile", "tile"),
      F: home("women's bathroom", "bathroom", "bathTile", "mint"),
    },
  },
  {
    id: "college",
    sector: "Oak Hill College",
    facade: "greyStone",
    rows: [
      "###################################",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#CCCCCCCCC#LLLLLLLLLLLLL#BBBBBBBBB#",
      "#####+#########++#########+########",
      "#HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH#",
      "#HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH#",
      "#HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH#",
      "################@@@################",
    ],
    rooms: {
      C: home("classroom", "classroom", "linoleum", "sage"),
      L: home("lecture hall", "lecture-hall", "oak", "wood"),
      B: home("library", "library", "carpetRed", "darkwood"),
      H: home("hallway", "hallway", "stone", "cream"),
    },
  },
  {
    id: "cafe",
    sector: "Hobbs Cafe",
    awning: 0x3a8a6a,
    facade: "creamStucco",
    rows: [
      "#####################",
      "#KKKKKKKKKKKK#RRRRRR#",
      "#KKKKKKKKKKKK#RRRRRR#",
      "#KKKKKKKKKKKK#RRRRRR#",
      "#####+##########+####",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#CCCCCCCCCCCCCCCCCCC#",
      "#########@@##########",
    ],
    rooms: {
      C: home("cafe", "cafe", "checker", "mint"),
      K: home("kitchen", "cafe-kitchen", "kitchenTile", "tile"),
      R: home("restroom", "restroom", "bathTile", "tile"),
    },
  },
  {
    id: "pub",
    sector: "The Rose and Crown Pub",
    awning: 0x8a2a2a,
    facade: "brownShingle",
    rows: [
      "#######################",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#PPPPPPPPPPPPPPP+KKKKK#",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#PPPPPPPPPPPPPPP#KKKKK#",
      "#####@@################",
    ],
    rooms: {
      P: home("pub", "pub", "walnut", "green"),
      K: home("kitchen", "pub-kitchen", "terracotta", "tile"),
    },
  },
  {
    id: "supply",
    sector: "Harvey Oak Supply Store",
    awning: 0xd88a2a,
    facade: "greenSiding",
    rows: [
      "################",
      "#SSSSSSSSSSSSSS#",
      "#SSSSSSSSSSSSSS#",
      "#SSSSSSSSSSSSSS#",
      "#SSSSSSSSSSSSSS#",
      "#SSSSSSSSSSSSSS#",
      "#SSSSSSSSSSSSSS#",
      "#SSSSSSSSSSSSSS#",
      "######@@########",
    ],
    rooms: { S: home("supply store", "supply-store", "concrete", "wood") },
  },
  {
    id: "market",
    sector: "The Willows Market and Pharmacy",
    awning: 0x3a6ac0,
    facade: "whiteBrick",
    rows: [
      "###########################",
      "#MMMMMMMMMMMMMMMM#PPPPPPPP#",
      "#MMMMMMMMMMMMMMMM#PPPPPPPP#",
      "#MMMMMMMMMMMMMMMM#PPPPPPPP#",
      "#MMMMMMMMMMMMMMMM+PPPPPPPP#",
      "#MMMMMMMMMMMMMMMM#PPPPPPPP#",
      "#MMMMMMMMMMMMMMMM#PPPPPPPP#",
      "#MMMMMMMMMMMMMMMM#PPPPPPPP#",
      "######@@############@######",
    ],
    rooms: {
      M: home("market", "market", "linoleum", "sage"),
      P: home("pharmacy", "pharmacy", "kitchenTile", "mint"),
    },
  },
];

function apartmentRooms(): Record<string, RoomSpec> {
  const units: [string, string, string, FloorName, string, string[]][] = [
    ["A", "Arthur Burton", "a", "walnut", "navy", ["bookshelf"]],
    ["B", "Ryan Park", "b", "oak", "grey", ["computer desk"]],
    ["C", "Isabella Rodriguez", "c", "pine", "butter", []],
    ["D", "Giorgio Rossi", "d", "herringbone", "sage", ["blackboard"]],
    ["E", "Carlos Gomez", "e", "oak", "lilac", ["writing desk"]],
  ];
  const rooms: Record<string, RoomSpec> = {};
  for (const [main, person, bath, floor, paper, extras] of units) {
    const sector = `${person}'s apartment`;
    rooms[main] = { ...home("main room", "main-room", floor, paper, [person], extras), sector };
    rooms[bath] = { ...home("bathroom", "bathroom", "bathTile", "tile"), sector };
  }
  return rooms;
}
