// The labelled set of the lookup benchmark: for seeded customers, the query a teller would type
// in each way the issue lists, with the customer it must find. Deterministic: the same customers
// give the same queries on every run (a PRNG seeded by the customer number).
import { FAMILY_NAMES } from "../../db/seed-data.ts";

export const QUERY_KINDS = [
  "one typo",
  "two typos",
  "transliteration",
  "phonetic variant",
  "missing punctuation",
  "swapped names",
  "initial + family name",
  "number fragment",
  "phone subscriber number",
  "name + date of birth",
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export type LabelledCustomer = {
  id: string;
  customerNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone: string;
};

/**
 * `person`: the query identifies one customer (number, phone, a name with its date of birth), so
 * only that customer counts. `name`: a name alone; the seed gives each full name to hundreds of
 * customers at a million, so any customer with the expected given and family name counts (the
 * teller then narrows it down, as the search says). `initial`: likewise, and any given name with
 * that initial counts ("J. Köhler" is Jana, José and Jonathan Köhler alike). `birth`: a family
 * name with a date of birth; at a million the seed has namesakes born the same day, so any
 * customer with that family name and that date counts.
 */
export type LabelledQuery = {
  kind: QueryKind;
  query: string;
  expect: LabelledCustomer;
  judge: "person" | "name" | "initial" | "birth";
};

/** mulberry32: small, fast, and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEIGHBOURS: Record<string, string> = {
  a: "s",
  b: "v",
  c: "x",
  d: "s",
  e: "r",
  f: "g",
  g: "h",
  h: "j",
  i: "o",
  j: "k",
  k: "l",
  l: "k",
  m: "n",
  n: "m",
  o: "i",
  p: "o",
  q: "w",
  r: "t",
  s: "a",
  t: "r",
  u: "i",
  v: "b",
  w: "e",
  x: "c",
  y: "t",
  z: "u",
};

/** One slip of the fingers inside a word (never its first letter): swap, drop, double or hit a neighbour. */
export function typo(word: string, rand: () => number): string {
  if (word.length < 3) return word + word.at(-1);
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const c = word[i]!;
  switch (Math.floor(rand() * 4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + c + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + c + word.slice(i);
    default:
      return word.slice(0, i) + (NEIGHBOURS[c.toLowerCase()] ?? c) + word.slice(i + 1);
  }
}

/** Written the other way: Müller → Mueller or Muller, Søren → Soeren or Soren, José → Jose. */
export function transliterate(name: string, icao: boolean): string | null {
  const icaoMap: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ø: "oe", å: "aa", æ: "ae", ß: "ss" };
  let changed = false;
  const out = [...name.normalize("NFC")]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const mapped = icao ? icaoMap[lower] : undefined;
      const plain =
        mapped ?? (lower === "ø" ? "o" : lower === "ı" ? "i" : lower.normalize("NFD").replace(/\p{M}/gu, ""));
      if (plain === lower) return ch;
      changed = true;
      return ch === lower ? plain : plain[0]!.toUpperCase() + plain.slice(1);
    })
    .join("");
  return changed ? out : null;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z]/g, "");
const SEEDED_FAMILIES = new Set(FAMILY_NAMES.map(fold));

/** How German names are misheard: the variant must sound the same and must not be another seeded name. */
const SOUND_ALIKES: Array<[RegExp, string]> = [
  [/ei/, "ai"],
  [/ei/, "ey"],
  [/ei/, "ay"],
  [/ai/, "ei"],
  [/ay/, "ei"],
  [/ey/, "ai"],
  [/dt/, "tt"],
  [/tt/, "dt"],
  [/ck/, "k"],
  [/mm/, "m"],
  [/nn$/, "n"],
  [/ff/, "f"],
  [/tz/, "z"],
  [/z$/, "s"],
  [/^W/, "V"],
  [/w/, "v"],
  [/^K/, "C"],
  [/ph/, "f"],
  [/ie/, "i"],
  [/th/, "t"],
];

export function phoneticVariant(family: string): string | null {
  for (const [re, to] of SOUND_ALIKES) {
    if (!re.test(family)) continue;
    const variant = family.replace(re, to);
    if (variant !== family && !SEEDED_FAMILIES.has(fold(variant))) return variant;
  }
  return null;
}

const dotted = (iso: string) => iso.split("-").reverse().join(".");

/** Every query kind that applies to this customer (some need an accent, a hyphen or a sound-alike). */
export function queriesFor(c: LabelledCustomer): LabelledQuery[] {
  const rand = prng(Number(c.customerNumber.replace(/\D/g, "")) || 1);
  const out: LabelledQuery[] = [];
  const add = (kind: QueryKind, query: string | null, judge: LabelledQuery["judge"]) => {
    if (query) out.push({ kind, query, expect: c, judge });
  };
  const { givenName: given, familyName: family } = c;
  add("one typo", `${given} ${typo(family, rand)}`, "name");
  add("two typos", `${typo(given, rand)} ${typo(family, rand)}`, "name");
  const icao = rand() < 0.5;
  const tGiven = transliterate(given, icao);
  const tFamily = transliterate(family, icao);
  add("transliteration", tGiven || tFamily ? `${tGiven ?? given} ${tFamily ?? family}` : null, "name");
  const sounds = phoneticVariant(family);
  add("phonetic variant", sounds ? `${given} ${sounds}` : null, "name");
  const bare = (s: string) => s.replace(/['’-]/g, "");
  add("missing punctuation", /['’-]/.test(given + family) ? `${bare(given)} ${bare(family)}` : null, "name");
  add("swapped names", `${family} ${given}`, "name");
  add("initial + family name", `${given[0]}${rand() < 0.5 ? "." : ""} ${family}`, "initial");
  const digits = c.customerNumber.replace(/^C0*/, "");
  add("number fragment", rand() < 0.5 ? digits : `C${digits}`, "person");
  const subscriber = c.phone.replace(/^\+\d+ \d+ /, "").replace(/\D/g, "");
  add("phone subscriber number", subscriber.length >= 6 ? subscriber : null, "person");
  const alone = rand() < 0.5;
  const name = alone ? family : `${given} ${rand() < 0.5 ? typo(family, rand) : family}`;
  const date = rand() < 0.5 ? dotted(c.dateOfBirth) : c.dateOfBirth;
  add("name + date of birth", `${name} ${date}`, alone ? "birth" : "person");
  return out;
}

/** Whether a search answer holds what the query should find. */
export function matches(
  q: LabelledQuery,
  hit: { id: string; givenName: string; familyName: string; dateOfBirth: string } | undefined,
): boolean {
  if (!hit) return false;
  if (q.judge === "person") return hit.id === q.expect.id;
  if (q.judge === "birth") return hit.familyName === q.expect.familyName && hit.dateOfBirth === q.expect.dateOfBirth;
  if (q.judge === "initial")
    return hit.familyName === q.expect.familyName && hit.givenName[0] === q.expect.givenName[0];
  return hit.givenName === q.expect.givenName && hit.familyName === q.expect.familyName;
}
