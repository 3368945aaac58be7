/**
 * Persona templates of the city: traits, daily rhythms, backgrounds, current
 * projects and daily plans by occupation. Slots in braces ({first}, {he},
 * {work}, {cafe}, ...) are filled per resident.
 *
 * Written for the offline mind's rules (server/mind/offline/routine.ts): the daily
 * requirement opens with the work clause naming the workplace by its sector name,
 * gives clock times only for the work hours, and names the district's own cafe,
 * park, pub and shops for free time. Backgrounds never use the outdoor hobby words
 * (walks, coffee, pubs, parks, gardens) that would send a resident to the Ville's
 * old places across the city; only the plan names places.
 */

export const TRAITS = [
  "friendly", "patient", "curious", "warm", "practical", "witty", "reserved", "generous", "stubborn", "thoughtful", "cheerful", "meticulous",
  "outgoing", "kind", "ambitious", "calm", "talkative", "shy", "honest", "playful", "dependable", "sceptical", "imaginative", "organised",
  "gentle", "blunt", "loyal", "restless", "observant", "diligent", "easygoing", "principled", "hospitable", "dreamy", "energetic", "modest",
];

export type Rhythm = "early" | "day" | "late" | "pupil" | "student" | "retired";

/** [bed, wake, breakfast, lunch, dinner] in minutes after midnight; a bed time before the wake-up is after midnight. */
export const RHYTHMS: Record<Rhythm, [number, number, number, number, number][]> = {
  early: [[22 * 60, 5 * 60 + 30, 6 * 60, 11 * 60 + 30, 18 * 60], [21 * 60 + 30, 5 * 60, 5 * 60 + 30, 11 * 60 + 30, 17 * 60 + 30], [22 * 60 + 30, 5 * 60 + 30, 6 * 60, 12 * 60, 18 * 60 + 30]],
  day: [[23 * 60, 7 * 60, 7 * 60 + 30, 12 * 60 + 30, 19 * 60], [22 * 60 + 30, 6 * 60 + 30, 7 * 60, 12 * 60, 18 * 60 + 30], [23 * 60 + 30, 7 * 60, 7 * 60 + 30, 13 * 60, 19 * 60 + 30], [0, 7 * 60 + 30, 8 * 60, 13 * 60, 19 * 60], [22 * 60, 6 * 60, 6 * 60 + 30, 12 * 60, 18 * 60]],
  late: [[60, 9 * 60 + 30, 10 * 60, 14 * 60, 16 * 60 + 30], [90, 10 * 60, 10 * 60 + 30, 14 * 60, 16 * 60 + 30]],
  pupil: [[21 * 60, 6 * 60 + 30, 7 * 60, 12 * 60, 18 * 60], [21 * 60 + 30, 7 * 60, 7 * 60 + 15, 12 * 60, 18 * 60 + 30], [22 * 60, 6 * 60 + 30, 7 * 60, 12 * 60 + 30, 18 * 60]],
  student: [[0, 8 * 60, 8 * 60 + 30, 13 * 60, 19 * 60], [60, 9 * 60, 9 * 60 + 30, 13 * 60 + 30, 19 * 60 + 30], [23 * 60, 7 * 60, 7 * 60 + 30, 12 * 60 + 30, 18 * 60 + 30]],
  retired: [[22 * 60, 6 * 60, 7 * 60, 12 * 60, 17 * 60 + 30], [21 * 60 + 30, 5 * 60 + 30, 6 * 60 + 30, 12 * 60, 17 * 60 + 30], [22 * 60 + 30, 7 * 60, 8 * 60, 12 * 60 + 30, 18 * 60]],
};

/** "6am", "6:30pm", "noon", "midnight". */
export function clock(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  if (m === 0) return "midnight";
  if (m === 720) return "noon";
  const h = Math.floor(m / 60), mm = m % 60;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${mm ? `:${String(mm).padStart(2, "0")}` : ""}${h < 12 ? "am" : "pm"}`;
}

export interface JobText {
  rhythm: Rhythm | ((shift: number) => Rhythm);
  /** First sentence of the background: names the occupation (the offline mind reads its words). */
  intro: string[];
  /** A second background sentence about the work. */
  detail: string[];
  /** The work clause of the daily plan, by shift (index within the workplace). */
  work: (shift: number) => string;
  currently: string[];
}

export const JOBS: Record<string, JobText> = {
  "cafe-owner": {
    rhythm: "early",
    intro: ["{name} is a barista who owns the little place on the corner of {district} where half the street starts its morning.", "{name} is a barista who opened {his} own place in {district} with {his} savings {years} years ago."],
    detail: ["{He} bakes the pastries before dawn and remembers every regular's usual order.", "{He} believes a good counter is a living room the whole neighbourhood shares."],
    work: () => "opens {work} at 7am and works the counter until 3pm",
    currently: ["{first} is trying out a new pastry recipe and wants the regulars to taste it first.", "{first} is thinking about hosting a reading night for the neighbours."],
  },
  "barista": {
    rhythm: (s) => (s === 0 ? "early" : "day"),
    intro: ["{name} is a barista in {district} who knows half the street by their usual order.", "{name} works as a barista in {district} and starts work before the sun is up."],
    detail: ["{He} is saving up to open a place of {his} own one day.", "{He} takes pride in the latte art nobody else on the street can match."],
    work: (s) => (s % 2 === 0 ? "works the counter at {work} from 7am to 3pm" : "works the counter at {work} from 11am until closing at 7pm"),
    currently: ["{first} is learning to roast beans and keeps notes on every batch.", "{first} is training a new colleague and enjoying it more than expected."],
  },
  "publican": {
    rhythm: "late",
    intro: ["{name} is a bartender who runs the old public house of {district}.", "{name} is a bartender and the landlord of the oldest public house in {district}."],
    detail: ["{He} knows which regulars want to talk and which want to be left alone.", "{He} keeps the quiz night going every week and writes the questions {himself}."],
    work: () => "opens {work} at 4pm and works behind the bar until closing at midnight",
    currently: ["{first} is planning a new menu of snacks and a monthly quiz night.", "{first} is repainting the sign of the house and arguing with the brewery about prices."],
  },
  "bartender": {
    rhythm: "late",
    intro: ["{name} is a bartender in {district} who works the late shift.", "{name} works as a bartender and hears every story in {district} first."],
    detail: ["{He} mixes a drink for every mood and never forgets a face.", "{He} plays in a small band on Sundays and dreams of recording an album."],
    work: () => "works behind the bar at {work} from 5pm until closing at midnight",
    currently: ["{first} is learning to make new cocktails for the spring.", "{first} is saving money for a trip to see {his} family abroad."],
  },
  "grocer": {
    rhythm: "day",
    intro: ["{name} is a shopkeeper who runs {work} in {district}.", "{name} is the shopkeeper in charge of {work} and has run the market for {years} years."],
    detail: ["{He} knows which farmer grows the best tomatoes and which customer needs credit until payday.", "{He} grumbles about rising prices but never raises them for the old regulars."],
    work: () => "opens {work} at 8am and runs the market until 6pm",
    currently: ["{first} is reorganising the stockroom and looking for a new supplier of fresh bread.", "{first} is worried about rising prices and how the neighbours will cope."],
  },
  "shop-assistant": {
    rhythm: "day",
    intro: ["{name} is a shopkeeper's assistant at {work} in {district}.", "{name} works as a shopkeeper at the tills of {work} in {district}."],
    detail: ["{He} stacks the shelves faster than anyone and chats with every customer.", "{He} knows where everything in the store is, down to the last tin of beans."],
    work: (s) => (s % 2 === 0 ? "works at {work} from 8am to 4pm" : "works at {work} from 10am to 6pm"),
    currently: ["{first} is hoping to be put in charge of the fresh produce.", "{first} is taking an evening course in bookkeeping."],
  },
  "pharmacist": {
    rhythm: "day",
    intro: ["{name} is a pharmacist at the pharmacy of {work} in {district}.", "{name} is the pharmacist of {work}, the person half of {district} asks about their aches."],
    detail: ["{He} is patient with every question and keeps careful track of everyone's prescriptions.", "{He} trained abroad and still reads medical journals every evening."],
    work: () => "works at the pharmacy of {work} from 9am to 5pm",
    currently: ["{first} is preparing for the flu season and reminding the elderly neighbours to get their shots.", "{first} is training a new assistant at the pharmacy."],
  },
  "hardware-owner": {
    rhythm: "day",
    intro: ["{name} is a shopkeeper who owns {work} in {district}.", "{name} is the shopkeeper of {work} and can fix almost anything."],
    detail: ["{He} gives free advice to anyone who walks in with a broken tool.", "{He} took over the shop from an uncle and kept the old wooden counter."],
    work: () => "opens {work} at 8am and runs it until 6pm",
    currently: ["{first} is setting up a spring display of seeds and tools.", "{first} is thinking about running repair workshops for the neighbours."],
  },
  "hardware-clerk": {
    rhythm: "day",
    intro: ["{name} works part-time as a shopkeeper at {work} in {district}.", "{name} is a shopkeeper's helper at {work} who knows every screw in the place."],
    detail: ["{He} likes helping people find exactly the right part.", "{He} builds furniture from offcuts in {his} spare time."],
    work: () => "works at {work} from 10am to 4pm",
    currently: ["{first} is building a bookshelf for a neighbour.", "{first} is learning to repair bicycles."],
  },
  "teacher": {
    rhythm: "day",
    intro: ["{name} teaches at {work}, the school of {district}.", "{name} is a teacher who teaches mathematics and science at {work}."],
    detail: ["{He} believes every child has one subject that can light them up.", "{He} stays late to help the pupils who fall behind."],
    work: () => "teaches at {work} from 8am to 3pm",
    currently: ["{first} is grading tests and planning a science fair for the spring.", "{first} is preparing the school play with the older pupils."],
  },
  "professor": {
    rhythm: "day",
    intro: ["{name} is a professor who teaches at {work}.", "{name} is a professor of history at {work} and has taught there for {years} years."],
    detail: ["{He} is writing a book that {he} has been writing for far too long.", "{He} holds office hours that always run over because {he} cannot stop talking."],
    work: () => "teaches in the lecture hall of {work} from 9am to 4pm",
    currently: ["{first} is grading essays and preparing a public lecture.", "{first} is writing a grant proposal for a research project on the city's history."],
  },
  "librarian": {
    rhythm: "day",
    intro: ["{name} is the librarian of {work}.", "{name} works as a librarian at {work} and knows where every book is kept."],
    detail: ["{He} runs a reading club for young readers who say they hate reading.", "{He} is quietly cataloguing a donation of old letters about the city."],
    work: () => "works in the library of {work} from 9am to 5pm",
    currently: ["{first} is organising a book sale to raise money for new shelves.", "{first} is cataloguing a donation of old city maps."],
  },
  "software-engineer": {
    rhythm: "day",
    intro: ["{name} is a software engineer at {work} in {district}.", "{name} works as a software developer at {work}."],
    detail: ["{He} likes hard problems and explains them with drawings on napkins.", "{He} is toying with the idea of building an app for the neighbourhood."],
    work: () => "works at {work} from 9am to 5pm",
    currently: ["{first} is finishing a big release at work.", "{first} is fixing a bug that has kept {him} up for two nights."],
  },
  "accountant": {
    rhythm: "day",
    intro: ["{name} is an accountant who prepares tax returns at {work}.", "{name} works on tax files and company accounts at {work}."],
    detail: ["{He} is precise, fair and a little too fond of spreadsheets.", "{He} helps small shops of {district} with their books for a low fee."],
    work: () => "works at {work} from 8:30am to 5pm",
    currently: ["{first} is in the middle of tax season and counting the days until it ends.", "{first} is helping a local shop sort out its accounts."],
  },
  "lawyer": {
    rhythm: "day",
    intro: ["{name} is a lawyer at {work}.", "{name} is an attorney who works at {work} in {district}."],
    detail: ["{He} takes on tenants' cases for free when {he} thinks they are right.", "{He} argues for a living and for fun."],
    work: () => "works at {work} from 9am to 6pm",
    currently: ["{first} is preparing a case for a family who may lose their home.", "{first} is reading up on new housing rules."],
  },
  "architect": {
    rhythm: "day",
    intro: ["{name} is an architect who designs houses at {work}.", "{name} works as an architect at {work} in {district}."],
    detail: ["{He} sketches the buildings of {district} wherever {he} goes.", "{He} dreams of designing a library one day."],
    work: () => "works at {work} from 9am to 5pm",
    currently: ["{first} is drawing plans for a new apartment block.", "{first} is entering a competition to design a community hall."],
  },
  "insurance-agent": {
    rhythm: "day",
    intro: ["{name} is an insurance agent at {work}.", "{name} sells and manages insurance at {work} in {district}."],
    detail: ["{He} is good with people and better with numbers.", "{He} has a story about every claim {he} ever handled."],
    work: () => "works at {work} from 9am to 5pm",
    currently: ["{first} is trying to reach a sales target before the end of the month.", "{first} is helping a family with a claim after a kitchen fire."],
  },
  "editor": {
    rhythm: "day",
    intro: ["{name} is an editor at {work}, working on a local magazine.", "{name} works as an editor at {work} in {district}."],
    detail: ["{He} corrects the grammar of shop signs in {his} head.", "{He} believes every neighbourhood deserves its own stories."],
    work: () => "works at {work} from 10am to 6pm",
    currently: ["{first} is putting together a special issue about the history of {district}.", "{first} is looking for new voices to publish."],
  },
  "planner": {
    rhythm: "day",
    intro: ["{name} is a town planner at {work}.", "{name} works on street and housing plans at {work} in {district}."],
    detail: ["{He} knows why every crossing of the city is where it is.", "{He} wants more benches and fewer cars."],
    work: () => "works at {work} from 8am to 4pm",
    currently: ["{first} is drawing up plans for safer crossings near the schools.", "{first} is preparing a meeting with neighbours about a new bus line."],
  },
  "clerk": {
    rhythm: "day",
    intro: ["{name} is an office clerk at {work}.", "{name} keeps the files and schedules in order at {work}."],
    detail: ["{He} is the one everyone asks where things are.", "{He} is quietly taking evening classes to change careers."],
    work: () => "works at {work} from 9am to 5pm",
    currently: ["{first} is reorganising the office archive.", "{first} is planning a small surprise for a colleague's birthday."],
  },
  "writer": {
    rhythm: "day",
    intro: ["{name} is a writer who writes novels at home.", "{name} is an author working on {his} third novel."],
    detail: ["{He} writes every morning at the same desk and throws away half of it.", "{He} fills notebooks with the things the neighbours say."],
    work: () => "writes at {home} from 9am to 3pm",
    currently: ["{first} is revising the middle chapters of {his} novel.", "{first} is trying to meet a deadline for a short story."],
  },
  "painter": {
    rhythm: "day",
    intro: ["{name} is a painter who paints large canvases at home.", "{name} paints portraits and city scenes in {his} room."],
    detail: ["{He} has paint on every piece of clothing {he} owns.", "{He} is preparing for a small exhibition in the spring."],
    work: () => "paints at {home} for most of the day",
    currently: ["{first} is preparing three paintings for {his} first exhibition.", "{first} keeps repainting the same portrait."],
  },
  "musician": {
    rhythm: "day",
    intro: ["{name} is a musician and composer who teaches guitar lessons at home.", "{name} is a musician who writes songs for local bands."],
    detail: ["{He} hums constantly and apologises for it constantly.", "{He} plays at weddings to pay the rent."],
    work: () => "works on new songs at {home} from 10am to 4pm",
    currently: ["{first} is composing a song cycle about {district}.", "{first} is recording a demo for a small label."],
  },
  "photographer": {
    rhythm: "day",
    intro: ["{name} is a photographer who edits {his} pictures at home.", "{name} works as a photographer for weddings and local newspapers."],
    detail: ["{He} never leaves the house without a camera.", "{He} is putting together a series of portraits of {his} neighbours."],
    work: () => "edits photographs at {home} from 9am to 4pm",
    currently: ["{first} is working on a photo series about the people of {district}.", "{first} is preparing prints for a client."],
  },
  "illustrator": {
    rhythm: "day",
    intro: ["{name} is a digital artist and illustrator who draws at home.", "{name} is an illustrator who draws and animates for children's books."],
    detail: ["{He} draws the people of {district} as animals in {his} sketchbook.", "{He} works late when a deadline is near."],
    work: () => "draws at {home} from 9am to 5pm",
    currently: ["{first} is illustrating a picture book for a local author.", "{first} is finishing an animated short for a festival."],
  },
  "developer": {
    rhythm: "day",
    intro: ["{name} is a freelance programmer who writes software at home.", "{name} is a software developer who works for clients from home."],
    detail: ["{He} talks to the rubber duck on {his} desk when a program will not work.", "{He} is building a small app for the shops of {district}."],
    work: () => "writes code at {home} from 9am to 5pm",
    currently: ["{first} is finishing a website for a client.", "{first} is learning a new programming language."],
  },
  "tax-advisor": {
    rhythm: "day",
    intro: ["{name} is a tax advisor who works on clients' taxes at home.", "{name} runs a small tax practice from home."],
    detail: ["{He} is precise, reserved and fair.", "{He} helps half the small shops of {district} with their returns."],
    work: () => "works on clients' taxes at {home} from 8am to 5pm",
    currently: ["{first} is in the middle of tax season.", "{first} is helping a family sort out an inheritance."],
  },
  "poet": {
    rhythm: "day",
    intro: ["{name} is a poet who translates technical manuals at home.", "{name} is a poet and translator who works at home."],
    detail: ["{He} writes poems about ordinary people and ordinary days.", "{He} reads {his} poems aloud to anyone who will listen."],
    work: () => "translates manuals at {home} from 10am to 4pm",
    currently: ["{first} is writing a cycle of poems about {district}.", "{first} is translating a long manual and dreaming of the poems {he} could be writing."],
  },
  "pupil": {
    rhythm: "pupil",
    intro: ["{name} is a student at {work} in year {grade}.", "{name} is a {age}-year-old student at {work}."],
    detail: ["{He} is good at mathematics and bad at sitting still.", "{He} draws comics in the margins of every exercise book.", "{He} wants to be a vet when {he} grows up."],
    work: () => "attends classes at {work} from 8am to 3pm",
    currently: ["{first} is preparing for a test next week.", "{first} is working on a school project about the history of {district}."],
  },
  "student": {
    rhythm: "student",
    intro: ["{name} is a student who studies biology at {work}.", "{name} is a student at {work}, studying economics.", "{name} studies literature at {work}."],
    detail: ["{He} is curious about everything and finishes nothing on time.", "{He} works hard and worries about the exams.", "{He} tutors younger pupils to pay for books."],
    work: () => "attends lectures at {work}",
    currently: ["{first} is studying for midterm exams.", "{first} is writing an essay due at the end of the week."],
  },
  "retired": {
    rhythm: "retired",
    intro: ["{name} is retired after a long working life as a {former} in {district}.", "{name} is retired and has lived in {district} for most of {his} life, most of it as a {former}."],
    detail: ["{He} knows the story of every house on {his} street.", "{He} volunteers wherever {he} is needed."],
    work: () => "works on a family history at {home} in the afternoon",
    currently: ["{first} is writing down the family history for the grandchildren.", "{first} is sorting old photographs of {district}."],
  },
};

/** A sentence about the neighbourhood. */
export const ROOTS = [
  "{He} has lived in {district} for {years} years and knows most of the neighbours by name.", "{He} moved to {district} {years} years ago and has never wanted to leave.",
  "{He} grew up in another city and still compares everything in {district} to home.", "{He} likes how everyone in {district} seems to know everyone else.",
  "{He} thinks {district} has changed a lot lately, not always for the better.", "{He} is the one the neighbours call when something needs organising.",
];

/** Former trades of the retired. */
export const FORMER = ["nurse", "carpenter", "bus driver", "bank clerk", "postman", "seamstress", "mechanic", "schoolteacher", "cook", "electrician", "librarian", "printer"];

/** Things done at home in free time (none of them an outdoor hobby word). */
export const HOBBIES = [
  "{He} plays chess in the evenings.", "{He} bakes bread on Sundays.", "{He} does the crossword every day.", "{He} collects old maps of the city.",
  "{He} knits scarves for the whole family.", "{He} builds model ships.", "{He} cooks elaborate dinners for friends.", "{He} reads history books.",
  "{He} watches old films late at night.", "{He} plays the piano badly but happily.", "{He} keeps a diary.", "{He} does yoga every morning.",
  "{He} is learning Spanish from a textbook.", "{He} plays video games with friends online.", "{He} writes long letters to an old friend.",
];

/** Free-time clauses of a daily plan; the key says which place it needs. */
export const OUTINGS: [key: "cafe" | "park" | "pub" | "market" | "supply", clause: string][] = [
  ["cafe", "has lunch at {cafe}"],
  ["cafe", "gets a coffee at {cafe} in the afternoon"],
  ["park", "takes a walk in {park} in the evening"],
  ["park", "takes an afternoon walk in {park}"],
  ["pub", "has a drink at {pub} in the evening"],
  ["pub", "meets friends at {pub} in the evening"],
  ["market", "buys groceries at {market}"],
  ["supply", "buys supplies at {supply}"],
];
