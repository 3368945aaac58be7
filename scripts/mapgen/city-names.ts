/**
 * Names for the city: first names, family names and the six districts with the
 * names of their public places. Plain ASCII, one capital each (sprite slugs and
 * the offline mind's name patterns need that), and no family name contains a
 * word that marks a public sector (park, pub, cafe, market, supply).
 */

export const FEMALE = [
  "Ada", "Adele", "Agnes", "Aiko", "Alba", "Alice", "Alma", "Amara", "Amelia", "Amina", "Ana", "Anika", "Anna", "Ariana", "Astrid",
  "Aurora", "Beatrice", "Bianca", "Brenda", "Camila", "Carla", "Carol", "Celia", "Chiara", "Chloe", "Clara", "Dalia", "Dana", "Daphne",
  "Delia", "Diana", "Dina", "Edith", "Elena", "Elif", "Eliza", "Ella", "Elsa", "Emma", "Erin", "Esther", "Eva", "Fatima", "Fiona",
  "Flora", "Freya", "Gemma", "Gloria", "Grace", "Greta", "Hana", "Hannah", "Harriet", "Hazel", "Helen", "Hilda", "Ida", "Ines",
  "Irene", "Iris", "Ivy", "Jade", "Jana", "Joan", "Josephine", "Julia", "June", "Kamala", "Karin", "Kate", "Keiko", "Kira", "Lara",
  "Laura", "Layla", "Leah", "Lena", "Lila", "Lina", "Linda", "Lisa", "Lotte", "Lucia", "Lucy", "Luisa", "Lydia", "Mabel", "Maeve",
  "Maja", "Malia", "Marta", "Martha", "Matilda", "Maya", "Meera", "Mila", "Mina", "Miriam", "Nadia", "Naomi", "Nell", "Nina", "Nora",
  "Olga", "Olive", "Olivia", "Paula", "Pearl", "Petra", "Phoebe", "Priya", "Quinn", "Rachel", "Rana", "Rita", "Rosa", "Rose", "Ruth",
  "Sabine", "Sadie", "Salma", "Sara", "Selma", "Sofia", "Stella", "Susan", "Tara", "Tess", "Thea", "Uma", "Valeria", "Vera", "Viola",
  "Wanda", "Willa", "Yara", "Yasmin", "Zara", "Zoe",
];

export const MALE = [
  "Aaron", "Abel", "Adrian", "Ahmed", "Alan", "Albert", "Aldo", "Alex", "Amir", "Andre", "Anton", "Arjun", "Arnold", "Arturo", "August",
  "Axel", "Barry", "Basil", "Ben", "Bernard", "Bruno", "Caleb", "Calvin", "Carl", "Cedric", "Chen", "Colin", "Conrad", "Dante",
  "Darius", "David", "Dennis", "Diego", "Dmitri", "Eamon", "Edgar", "Edwin", "Elias", "Emil", "Enzo", "Eric", "Ernest", "Ethan",
  "Felix", "Finn", "Frank", "Gabriel", "George", "Gideon", "Glen", "Gustav", "Hamid", "Hans", "Harold", "Hector", "Henry", "Hugo",
  "Ian", "Idris", "Igor", "Isaac", "Ivan", "Jack", "Jacob", "Jamal", "James", "Jasper", "Javier", "Joel", "Jonah", "Jorge", "Joseph",
  "Julian", "Kai", "Karl", "Kenji", "Kevin", "Kofi", "Lars", "Leo", "Leon", "Liam", "Lorenzo", "Louis", "Luca", "Lucas", "Magnus",
  "Malik", "Marco", "Mario", "Martin", "Mateo", "Max", "Milo", "Mohan", "Nathan", "Neil", "Nico", "Noah", "Oliver", "Omar", "Oscar",
  "Otto", "Owen", "Pablo", "Pedro", "Peter", "Philip", "Rafael", "Ravi", "Raymond", "Reza", "Robert", "Roman", "Rudy", "Samir",
  "Santiago", "Sean", "Sergio", "Simon", "Stefan", "Theo", "Thomas", "Tobias", "Victor", "Vikram", "Walter", "Xavier", "Yusuf",
  "Zoran",
];

export const FAMILY_NAMES = [
  "Abbott", "Acosta", "Adams", "Adler", "Ahmadi", "Alvarez", "Andersen", "Arslan", "Asante", "Bailey", "Baker", "Banerjee", "Barros",
  "Bauer", "Becker", "Bell", "Bennett", "Berg", "Bianchi", "Bishop", "Blake", "Bloom", "Bose", "Brandt", "Brennan", "Brooks", "Byrne",
  "Campbell", "Cardenas", "Carter", "Castillo", "Castro", "Chandra", "Chavez", "Cho", "Cohen", "Coleman", "Conti", "Costa", "Cruz",
  "Dahl", "Das", "Delgado", "Diaz", "Dixon", "Doyle", "Duarte", "Dubois", "Duncan", "Ellis", "Engel", "Erikson", "Esposito", "Evans",
  "Farah", "Ferrari", "Fischer", "Fleming", "Flores", "Fontaine", "Foster", "Fraser", "Fuentes", "Gallo", "Garcia", "Gill", "Gordon",
  "Graham", "Grant", "Gray", "Greco", "Gruber", "Gupta", "Haas", "Hahn", "Hale", "Hansen", "Hart", "Hayes", "Herrera", "Hoffman",
  "Holm", "Horvat", "Hughes", "Hussain", "Ibrahim", "Ito", "Jansen", "Jensen", "Jimenez", "Joshi", "Kang", "Kapoor", "Kaya", "Keller",
  "Kelly", "Kennedy", "Khalil", "Kim", "Klein", "Koch", "Kowalski", "Kraus", "Kumar", "Lam", "Lang", "Larsen", "Laurent", "Lee",
  "Lehmann", "Levy", "Lind", "Lombardi", "Long", "Lopes", "Lund", "Lynch", "Maas", "Mahmoud", "Mann", "Marino", "Marsh", "Martens",
  "Mason", "Meier", "Mendes", "Mehta", "Meyer", "Molina", "Monroe", "Morales", "Moreau", "Murphy", "Murray", "Nagy", "Nair", "Nakamura",
  "Navarro", "Nelson", "Neumann", "Ng", "Nguyen", "Nielsen", "Noble", "Novak", "Nunez", "Okafor", "Okoro", "Olsen", "Ortega", "Osei",
  "Owens", "Pace", "Palmer", "Patil", "Pereira", "Perez", "Petrov", "Pham", "Pike", "Popescu", "Porter", "Quinn", "Rahman", "Ramos",
  "Rao", "Reed", "Reyes", "Richter", "Rivera", "Romano", "Rosen", "Ross", "Roth", "Russo", "Saito", "Salazar", "Sanchez", "Santos",
  "Sato", "Schmidt", "Schneider", "Shah", "Sharma", "Silva", "Singh", "Sokolov", "Soto", "Stone", "Strand", "Sullivan", "Suzuki",
  "Svensson", "Tan", "Tanaka", "Torres", "Tran", "Turner", "Vance", "Varga", "Vasquez", "Vega", "Vogel", "Wagner", "Wang", "Ward",
  "Weber", "Wells", "West", "Wolf", "Wong", "Wood", "Wright", "Yadav", "Yilmaz", "Young", "Zhang", "Zimmer",
];

/** Full names already used by the Ville's residents: their sheets must not be overwritten. */
export const VILLE_NAMES = new Set([
  "Latoya Williams", "Rajiv Patel", "Abigail Chen", "Francisco Lopez", "Hailey Johnson", "Arthur Burton", "Ryan Park",
  "Isabella Rodriguez", "Giorgio Rossi", "Carlos Gomez", "Klaus Mueller", "Maria Lopez", "Ayesha Khan", "Wolfgang Schulz",
  "Mei Lin", "John Lin", "Eddy Lin", "Tom Moreno", "Jane Moreno", "Tamara Taylor", "Carmen Ortiz", "Sam Moore",
  "Jennifer Moore", "Yuriko Yamamoto", "Adam Smith",
]);

export interface DistrictNames {
  name: string;
  cafe: string;
  pub: string;
  market: string;
  supply: string;
  park: string;
  /** A college (with a dorm) or a school. */
  school: string;
  college: boolean;
  offices: [string, string];
  /** Name of the district's shared houses ("<street> co-living space"). */
  street: string;
}

/** Six districts, west to east and north to south; Old Town keeps the Ville's own places. */
export const DISTRICTS: DistrictNames[] = [
  { name: "Old Town", cafe: "Hobbs Cafe", pub: "The Rose and Crown Pub", market: "The Willows Market and Pharmacy", supply: "Harvey Oak Supply Store", park: "Johnson Park", school: "Oak Hill College", college: true, offices: ["Town Hall Offices", "Old Town Design Studio"], street: "Mill Lane" },
  { name: "Riverside", cafe: "Blue Heron Cafe", pub: "The Anchor Pub", market: "Riverside Market and Pharmacy", supply: "Riverside Supply Store", park: "Willow Bank Park", school: "Riverside School", college: false, offices: ["Riverside Insurance Offices", "Heron Lane Law Offices"], street: "Ferry Road" },
  { name: "Maple Heights", cafe: "Maple Leaf Cafe", pub: "The Fox and Hound Pub", market: "Maple Heights Market and Pharmacy", supply: "Maple Heights Supply Store", park: "Summit Park", school: "Maple Heights School", college: false, offices: ["Maple Heights Software Offices", "Summit Architects Offices"], street: "Ridge Road" },
  { name: "Elm Grove", cafe: "Elm Grove Cafe", pub: "The Crooked Elm Pub", market: "Elm Grove Market and Pharmacy", supply: "Elm Grove Supply Store", park: "Grove Park", school: "Elm Grove School", college: false, offices: ["Elm Grove Accounting Offices", "Grove Street Media Offices"], street: "Orchard Street" },
  { name: "Cedar Hill", cafe: "Cedar Hill Cafe", pub: "The Lantern Pub", market: "Cedar Hill Market and Pharmacy", supply: "Cedar Hill Supply Store", park: "Cedar Hill Park", school: "Cedar Hill College", college: true, offices: ["Cedar Hill Engineering Offices", "Lantern Street Offices"], street: "Chapel Street" },
  { name: "Lakeside", cafe: "Lakeside Cafe", pub: "The Silver Trout Pub", market: "Lakeside Market and Pharmacy", supply: "Lakeside Supply Store", park: "Lakeshore Park", school: "Lakeside School", college: false, offices: ["Lakeside Logistics Offices", "Shoreline Studio Offices"], street: "Harbour Street" },
];
