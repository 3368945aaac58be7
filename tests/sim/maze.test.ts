import { addressKey, parseAddress, truncate } from "../../server/sim/address";
import { Maze, MapError } from "../../server/sim/maze";
import { asciiMap, houseMap } from "../fixtures/ascii-map";

describe("addresses", () => {
  test("parse and key round trip at every level", () => {
    for (const key of ["the Ville", "the Ville:House", "the Ville:House:bedroom", "the Ville:House:bedroom:bed"]) {
      expect(addressKey(parseAddress(key))).toBe(key);
    }
    expect(addressKey(truncate(parseAddress("the Ville:House:bedroom:bed"), "arena"))).toBe("the Ville:House:bedroom");
    expect(() => parseAddress("the Ville::bed")).toThrow(/bad address/);
  });
});

describe("maze", () => {
  const maze = Maze.fromTiled(houseMap());

  test("size, collision and bounds", () => {
    expect([maze.width, maze.height]).toEqual([10, 8]);
    expect(maze.isWalkable(0, 0)).toBe(false);
    expect(maze.isWalkable(1, 1)).toBe(true);
    expect(maze.isWalkable(2, 1)).toBe(false); // the bed is solid
    expect(maze.isWalkable(-1, 0)).toBe(false);
    expect(maze.isWalkable(10, 0)).toBe(false);
  });

  test("tile -> address at the deepest level", () => {
    expect(maze.addressAt(1, 2)).toEqual({ world: "the Ville", sector: "House", arena: "bedroom" });
    // Solid furniture lends its object to walkable neighbours in the same arena.
    expect(maze.addressAt(1, 1)?.object).toBe("bed");
    expect(maze.addressAt(3, 1)?.object).toBe("bed");
    expect(maze.addressAt(2, 2)?.object).toBe("bed");
    // A walkable object tile carries its own object.
    expect(maze.addressAt(8, 3)?.object).toBe("chair");
    // Streets belong to the world only; walls have no address.
    expect(maze.addressAt(5, 7)).toEqual({ world: "the Ville" });
    expect(maze.addressAt(0, 0)).toBeNull();
  });

  test("address -> tiles at every level", () => {
    const sector = maze.tilesAt("the Ville:House");
    const arena = maze.tilesAt("the Ville:House:bedroom");
    const object = maze.tilesAt({ world: "the Ville", sector: "House", arena: "bedroom", object: "bed" });
    expect(object).toHaveLength(3);
    expect(arena.length).toBeGreaterThan(object.length);
    expect(sector.length).toBeGreaterThan(arena.length);
    for (const t of object) expect(maze.isWalkable(t.x, t.y)).toBe(true);
    expect(maze.tilesAt("the Ville:Nowhere")).toEqual([]);
    expect(maze.sectors()).toEqual(["House"]);
    expect(maze.arenas("House")).toEqual(["bedroom", "kitchen"]);
    expect(maze.objects("House", "bedroom")).toEqual(["bed"]);
    expect(maze.places()).toEqual(expect.arrayContaining(["the Ville:House", "the Ville:House:kitchen:chair"]));
  });

  test("nearby tiles stay inside the map", () => {
    expect(maze.nearbyTiles(0, 0, 1)).toHaveLength(4);
    expect(maze.nearbyTiles(5, 4, 2)).toHaveLength(25);
  });

  test("spawns keep their address", () => {
    expect(maze.spawns.find((s) => s.name === "home")).toMatchObject({ x: 1, y: 1, address: { arena: "bedroom" } });
  });

  test("broken maps fail with a message naming the layer or object", () => {
    const noCollision = houseMap();
    noCollision.layers = noCollision.layers.filter((l) => l.name !== "collision");
    expect(() => Maze.fromTiled(noCollision)).toThrow(/layer "collision"/);
    const badArena = asciiMap(["....", "...."], {
      sectors: [{ address: "the Ville:A", x: 0, y: 0, w: 2, h: 2 }],
      arenas: [{ address: "the Ville:A:room", x: 1, y: 0, w: 3, h: 2 }],
    });
    expect(() => Maze.fromTiled(badArena)).toThrow(MapError);
    expect(() => Maze.fromTiled(badArena)).toThrow(/tile \(2,0\) outside its sector/);
    expect(() => Maze.fromTiled(null)).toThrow(/not a JSON object/);
  });
});
