/**
 * The furniture catalogue: for each item, its object kind (null for pure
 * decoration), footprint, whether it blocks, how many rows it leans onto the
 * wall above, and its painter.
 */
import { Canvas } from "./canvas";
import * as H from "./art-home";
import * as A from "./art-public";
import * as K from "./art-kitchen-bath";
import * as S from "./art-shops";
import { bush, flowerBox, hydrant, mailbox } from "./art-nature";
import * as O from "./art-props";

export interface ItemDef {
  kind: string | null;
  w: number;
  h: number;
  solid: boolean;
  /** Rows drawn above the footprint; such items stand against a north wall. */
  overhang: number;
  variants: number;
  paint: (c: Canvas, v: number) => void;
}

type Paint = (c: Canvas, v: number) => void;
const def = (kind: string | null, w: number, h: number, paint: Paint, overhang = 0, variants = 4, solid = true): ItemDef =>
  ({ kind, w, h, paint, overhang, variants, solid });

export const ITEMS: Record<string, ItemDef> = {
  // bedrooms and living rooms
  "bed": def("bed", 1, 2, H.bedSingle, 0, 7),
  "double bed": def("bed", 2, 2, H.bedDouble, 0, 7),
  "desk": def("desk", 2, 1, (c, v) => H.desk(c, v, "papers")),
  "computer desk": def("computer desk", 2, 1, (c, v) => H.desk(c, v, "computer")),
  "writing desk": def("writing desk", 2, 1, (c, v) => H.desk(c, v, "typewriter")),
  "closet": def("closet", 2, 1, H.wardrobe, 1),
  "bookshelf": def("bookshelf", 2, 1, H.bookcase, 1),
  "sofa": def("sofa", 3, 1, H.sofa, 0, 6),
  "loveseat": def("sofa", 2, 1, H.sofa, 0, 6),
  "armchair": def("armchair", 1, 1, H.armchair, 0, 6),
  "sofa facing tv": def("sofa", 3, 1, H.sofaBack, 0, 6),
  "loveseat facing tv": def("sofa", 2, 1, H.sofaBack, 0, 6),
  "tv": def("tv", 2, 1, H.tv, 1),
  "coffee table": def("coffee table", 2, 1, H.coffeeTable),
  "dresser": def("dresser", 2, 1, H.dresser),
  "nightstand": def(null, 1, 1, H.nightstand),
  "plant": def(null, 1, 1, H.plant, 0, 3),
  "floor lamp": def(null, 1, 1, H.floorLamp, 0, 2),
  "piano": def("piano", 2, 1, H.piano, 1, 2),
  "easel": def("easel", 1, 1, H.easel, 0, 3),
  "guitar": def("guitar", 1, 1, H.guitar, 0, 2),
  "camera tripod": def("camera tripod", 1, 1, H.cameraTripod, 0, 1),
  "vanity": def("vanity", 2, 1, H.vanity, 1),
  "chair n": def(null, 1, 1, (c, v) => H.looseChair(c, v, "n"), 0, 4, false),
  "chair s": def(null, 1, 1, (c, v) => H.looseChair(c, v, "s"), 0, 4, false),
  "chair e": def(null, 1, 1, (c, v) => H.looseChair(c, v, "e"), 0, 4, false),
  "chair w": def(null, 1, 1, (c, v) => H.looseChair(c, v, "w"), 0, 4, false),
  // kitchens and bathrooms
  "refrigerator": def("refrigerator", 1, 1, K.refrigerator, 1, 2),
  "stove": def("stove", 1, 1, K.stove, 0, 2),
  "kitchen sink": def("kitchen sink", 1, 1, K.kitchenSink, 0, 2),
  "counter": def(null, 1, 1, K.counter, 0, 3),
  "dining table": def("dining table", 2, 2, K.diningTable, 0, 2),
  "long dining table": def("dining table", 3, 2, K.diningTable, 0, 2),
  "toilet": def("toilet", 1, 1, K.toilet, 0, 1),
  "shower": def("shower", 1, 1, K.shower, 1, 1),
  "bathroom sink": def("bathroom sink", 1, 1, K.bathroomSink, 1, 1),
  "bathtub": def("bathtub", 2, 1, K.bathtub, 0, 2),
  "washing machine": def("washing machine", 1, 1, K.washingMachine, 0, 1),
  // college
  "blackboard": def("blackboard", 3, 1, A.blackboard, 1, 2),
  "classroom desk": def("classroom desk", 1, 1, A.classroomDesk, 0, 3),
  "podium": def("podium", 1, 1, A.podium, 0, 1),
  "lecture desk": def("lecture desk", 3, 1, A.lectureDesk, 0, 2),
  "library shelf": def("library shelf", 2, 1, A.libraryShelf, 0, 4),
  "library table": def("library table", 2, 2, A.libraryTable, 0, 2),
  // cafe and pub
  "cafe counter": def("cafe counter", 4, 1, (c, v) => S.serviceCounter(c, v, "cafe")),
  "coffee machine": def("coffee machine", 1, 1, A.coffeeMachine, 0, 1),
  "pastry case": def("pastry case", 2, 1, A.pastryCase, 0, 1),
  "cafe table": def("cafe table", 1, 1, A.roundTable, 0, 2),
  "bar counter": def("bar counter", 5, 1, (c, v) => S.serviceCounter(c, v, "bar")),
  "pub table": def("pub table", 2, 1, A.pubTable, 0, 2),
  "pool table": def("pool table", 3, 2, A.poolTable, 0, 1),
  "stage microphone": def("stage microphone", 1, 1, A.stageMic, 0, 1),
  "jukebox": def("jukebox", 1, 1, A.jukebox, 1, 1),
  // shops
  "supply shelf": def("supply shelf", 3, 1, (c, v) => S.goodsShelf(c, v, "tools")),
  "cashier counter": def("cashier counter", 2, 1, (c, v) => S.serviceCounter(c, v, "shop")),
  "grocery shelf": def("grocery shelf", 3, 1, (c, v) => S.goodsShelf(c, v, "groceries")),
  "produce stand": def("produce stand", 2, 1, S.produceStand, 0, 3),
  "freezer": def("freezer", 2, 1, S.freezer, 0, 1),
  "pharmacy counter": def("pharmacy counter", 3, 1, (c, v) => S.serviceCounter(c, v, "pharmacy")),
  "medicine shelf": def("medicine shelf", 2, 1, (c, v) => S.goodsShelf(c, v, "medicine")),
  "crates": def(null, 1, 1, A.crates, 0, 2),
  "trash can": def(null, 1, 1, A.trashCan, 0, 1),
  // outdoors
  "park bench": def("park bench", 2, 1, A.parkBench, 0, 2),
  "fountain": def("fountain", 3, 3, A.fountain, 0, 1),
  "garden bed": def("garden bed", 2, 2, A.gardenBed, 0, 4),
  "picnic table": def("picnic table", 2, 2, A.picnicTable, 0, 1),
  "bush": def(null, 1, 1, bush, 0, 3),
  "flower box": def(null, 1, 1, flowerBox, 0, 4),
  "mailbox": def(null, 1, 1, mailbox, 0, 3),
  "hydrant": def(null, 1, 1, hydrant, 0, 1),
  // decoration outside any sector (yards, campus, shop fronts)
  "veggie bed": def(null, 2, 2, A.gardenBed, 0, 4),
  "patio table": def(null, 2, 2, A.picnicTable, 0, 1),
  "shed": def(null, 2, 2, O.shed, 0, 3),
  "bbq": def(null, 1, 1, O.bbq, 0, 1),
  "swing": def(null, 2, 1, O.swing, 0, 2),
  "statue": def(null, 2, 2, O.statue, 0, 1),
  "bike rack": def(null, 2, 1, O.bikeRack, 0, 2),
  "parasol table": def(null, 1, 1, O.parasolTable, 0, 3),
  "lumber": def(null, 2, 1, O.lumber, 0, 2),
  "planter": def(null, 1, 1, O.planter, 0, 3),
  "bench": def(null, 2, 1, A.parkBench, 0, 2),
  "mailboxes": def(null, 1, 1, O.mailboxes, 0, 1),
  "slide": def(null, 2, 1, O.slide, 0, 2),
};

export function item(id: string): ItemDef {
  const d = ITEMS[id];
  if (!d) throw new Error(`unknown item '${id}'`);
  return d;
}
