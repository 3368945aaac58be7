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

export const home = (arena: string, kind: string, floor: FloorName, wallpaper: string, residents: string[] = [], extras: string[] = []): RoomSpec =>
  ({ arena, kind, floor, wallpaper, residents, extras });
