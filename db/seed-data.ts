// Demo data for `npm start` and the tests: two branches, their stations, four products for
// customers (each on its stock type, with opening stock; one needs a manager's approval), the
// bank's test product for new stations, and one user per role per branch. The station ids match the D1 simulator's default stations.
import type { EmbossRules, PaymentApplication } from "./schema";

export const DEMO_PASSWORD = "branch-demo-2026";

// Each branch's station id pattern covers its own stations and no other branch's.
export const DEMO_BRANCHES = [
  {
    code: "BR001",
    name: "Downtown",
    address: "1 Market Square",
    timezone: "Europe/Berlin",
    stationIdPattern: "BR001-PS-*",
  },
  {
    code: "BR002",
    name: "Riverside",
    address: "48 River Road",
    timezone: "Europe/Berlin",
    stationIdPattern: "BR002-PS-*",
  },
] as const;

export const DEMO_STATIONS = [
  {
    persoStation: "BR001-PS-01",
    branch: "BR001",
    label: "Counter printer 1",
    location: "Ground floor, counter 1",
    isDefault: true,
  },
  {
    persoStation: "BR001-PS-02",
    branch: "BR001",
    label: "Counter printer 2",
    location: "Ground floor, counter 4",
    isDefault: false,
  },
  {
    persoStation: "BR001-PS-03",
    branch: "BR001",
    label: "Back office printer",
    location: "First floor, back office",
    isDefault: false,
  },
  { persoStation: "BR002-PS-01", branch: "BR002", label: "Counter printer", location: "Main hall", isDefault: true },
  {
    persoStation: "BR002-PS-02",
    branch: "BR002",
    label: "Kiosk printer",
    location: "Self-service kiosk",
    isDefault: false,
  },
] as const;

/** One blank card plastic per product family; every demo product names one. */
export const DEMO_STOCK_TYPES = [
  { code: "DEBIT-PVC", name: "Debit blank PVC" },
  { code: "CREDIT-PVC", name: "Credit blank PVC" },
  { code: "PREPAID-PVC", name: "Prepaid blank PVC" },
] as const;

/**
 * The demo branches' opening stock, as ledger rows (received into the vault, then loaded into
 * every station by the manager with a teller as the second signer), so balances are sums:
 * each station holds STATION cards of every stock its branch's products use, the vault the rest.
 */
export const DEMO_STOCK = { received: 3000, station: 500, lowStockThreshold: 50 } as const;

// The demo branches are in Germany: names are written as on a German passport (ICAO 9303, Müller → MUELLER).
const STANDARD_EMBOSS: EmbossRules = {
  maxLength: 26,
  uppercase: true,
  allowedCharacters: "A-Z0-9 .'\\-/",
  transliteration: "icao",
};

export const DEMO_PRODUCTS: ReadonlyArray<{
  name: string;
  d1CardProductId: string;
  bin: string;
  panLength: number;
  expiryMonths: number;
  paymentApplication: PaymentApplication;
  cardFaceImage: string;
  embossRules: EmbossRules;
  branches: readonly string[];
  /** The code of its stock type (DEMO_STOCK_TYPES). */
  stockType: (typeof DEMO_STOCK_TYPES)[number]["code"];
  needsAccount?: boolean;
  /** Maker-checker: every request waits for a manager's approval. */
  needsApproval?: boolean;
  /** The bank's test product: printed on a new station to verify it, never offered to tellers. */
  isTestProduct?: boolean;
  minAge?: number;
  maxAge?: number;
  customerTypes?: Array<"private" | "business">;
}> = [
  {
    name: "Classic Debit",
    d1CardProductId: "VISA_DEBIT_CLASSIC",
    bin: "453201",
    panLength: 16,
    expiryMonths: 48,
    paymentApplication: {
      config: "VISA_DEBIT_A",
      odaKeyIndex: "1",
      derivationKeyIndex: "1",
      cvKeyIndex: "1",
      pvKeyIndex: "1",
    },
    cardFaceImage: "/card-faces/classic-debit.svg",
    embossRules: STANDARD_EMBOSS,
    branches: ["BR001", "BR002"],
    stockType: "DEBIT-PVC",
    // A debit card: the counter asks which of the customer's accounts it is for.
    needsAccount: true,
  },
  {
    name: "Gold Credit",
    d1CardProductId: "MC_GOLD_CREDIT",
    bin: "542418",
    panLength: 16,
    expiryMonths: 36,
    paymentApplication: {
      config: "MC_CREDIT_GOLD",
      odaKeyIndex: "2",
      derivationKeyIndex: "2",
      cvKeyIndex: "2",
      pvKeyIndex: "2",
    },
    cardFaceImage: "/card-faces/gold-credit.svg",
    embossRules: STANDARD_EMBOSS,
    branches: ["BR001", "BR002"],
    stockType: "CREDIT-PVC",
    minAge: 18,
  },
  {
    name: "Platinum Credit",
    d1CardProductId: "MC_PLATINUM_CREDIT",
    bin: "542419",
    panLength: 16,
    expiryMonths: 36,
    paymentApplication: {
      config: "MC_CREDIT_PLATINUM",
      odaKeyIndex: "2",
      derivationKeyIndex: "2",
      cvKeyIndex: "2",
      pvKeyIndex: "2",
    },
    cardFaceImage: "/card-faces/gold-credit.svg",
    embossRules: STANDARD_EMBOSS,
    branches: ["BR001", "BR002"],
    stockType: "CREDIT-PVC",
    minAge: 18,
    // A high-limit card: every request waits for a manager's approval (maker-checker).
    needsApproval: true,
  },
  {
    name: "Youth Prepaid",
    d1CardProductId: "VISA_YOUTH_PREPAID",
    bin: "400011",
    panLength: 16,
    expiryMonths: 24,
    paymentApplication: { config: "VISA_PREPAID_Y", odaKeyIndex: "1", derivationKeyIndex: "3" },
    cardFaceImage: "/card-faces/youth-prepaid.svg",
    embossRules: { maxLength: 21, uppercase: true, allowedCharacters: "A-Z .\\-", transliteration: "icao" },
    branches: ["BR001"],
    stockType: "PREPAID-PVC",
    // For young private customers only: the counter says so for everyone else.
    maxAge: 25,
    customerTypes: ["private"],
  },
  {
    // The bank's test product: a new station prints one through D1 and is verified when it comes
    // out. Offered to no branch (tellers never see it); it prints on the debit plastic.
    name: "Station test card",
    d1CardProductId: "TEST_STATION_CARD",
    bin: "999901",
    panLength: 16,
    expiryMonths: 12,
    paymentApplication: { config: "TEST_CARD" },
    cardFaceImage: "/card-faces/classic-debit.svg",
    embossRules: STANDARD_EMBOSS,
    branches: [],
    stockType: "DEBIT-PVC",
    isTestProduct: true,
  },
];

export const DEMO_USERS = [
  { email: "teller@downtown.demo", name: "Tara Teller", role: "teller", branch: "BR001" },
  { email: "manager@downtown.demo", name: "Max Manager", role: "manager", branch: "BR001" },
  { email: "admin@downtown.demo", name: "Ada Admin", role: "admin", branch: "BR001" },
  { email: "teller@riverside.demo", name: "Rita Rivers", role: "teller", branch: "BR002" },
  { email: "manager@riverside.demo", name: "Ravi Rao", role: "manager", branch: "BR002" },
  { email: "admin@riverside.demo", name: "Rosa Admin", role: "admin", branch: "BR002" },
] as const;

// Varied on purpose: accents, apostrophes, hyphens and names from many languages, so that
// search and the emboss rules meet what a real branch sees.
export const GIVEN_NAMES = [
  "Anna",
  "Ben",
  "Chloé",
  "David",
  "Elif",
  "Farid",
  "Grace",
  "Hannah",
  "Ivan",
  "Jana",
  "Jonathan",
  "Katarzyna",
  "Liam",
  "Marie",
  "Mohammed",
  "Nora",
  "Oluwaseun",
  "Paolo",
  "Qiu",
  "Rosa",
  "Sean",
  "Søren",
  "Tomás",
  "Uma",
  "Valentina",
  "Wei",
  "Xavier",
  "Yusuf",
  "Zoë",
  "Ahmet",
  "Björn",
  "Carmen",
  "Dmitri",
  "Emma",
  "François",
  "Giulia",
  "Hiroshi",
  "Ingrid",
  "José",
  "Kwame",
  "Lucía",
  "Mateo",
  "Nadia",
  "Oscar",
  "Priya",
  "Rafael",
  "Sophie",
  "Thomas",
  "Ursula",
  "Viktor",
  "Wiebke",
  "Yara",
];

export const FAMILY_NAMES = [
  "Müller",
  "Schmidt",
  "O'Brien",
  "García",
  "Nguyen",
  "Kowalski",
  "Rossi",
  "Dubois",
  "Yılmaz",
  "Andersson",
  "Papadopoulos",
  "Okafor",
  "Smith",
  "Johnson",
  "Fernández",
  "Novák",
  "Jensen",
  "Van der Berg",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Schulz",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Meier",
  "Lehmann",
  "Schmid",
  "Schulze",
  "Maier",
  "Köhler",
  "Herrmann",
  "König",
  "Walter",
  "Mayer-Lindqvist",
  "Al-Sayed",
  "Chen",
  "Kim",
  "Singh",
  "Silva",
  "Ivanova",
  "Haddad",
  "Mbeki",
  "Tanaka",
];

export const CITIES = ["Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Leipzig", "Dresden", "Bremen"];
export const STREETS = [
  "Hauptstraße",
  "Lindenallee",
  "Bahnhofstraße",
  "Gartenweg",
  "Schillerstraße",
  "Am Markt",
  "Bergstraße",
];

/** Every tenth customer (C…10, C…20, …) is a business customer, for the eligibility rules. */
export const BUSINESS_CUSTOMER_EVERY = 10;

/**
 * Cards handed over long ago at Downtown (last four digits only, as the product keeps them), so
 * that replacement and renewal can be tried on a fresh start. C00000004's card is past its
 * validity (expired); the others are active.
 */
export const DEMO_CARDS = [
  { customerNumber: "C00000002", product: "Classic Debit", panLast4: "4821", producedDaysAgo: 400 },
  { customerNumber: "C00000003", product: "Gold Credit", panLast4: "7305", producedDaysAgo: 210 },
  { customerNumber: "C00000003", product: "Classic Debit", panLast4: "1196", producedDaysAgo: 820 },
  { customerNumber: "C00000004", product: "Classic Debit", panLast4: "5547", producedDaysAgo: 1600 },
] as const;
