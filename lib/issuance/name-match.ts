// Whether the name on a card is the customer's recorded name "within the emboss rules" (the
// maker-checker rule name_differs): the recorded name as a station prints it (upper case, accents
// removed or transliterated, e.g. Müller → MULLER or MUELLER), given names before the family
// name, each given name in full or as its initial, middle names may be left out; punctuation and
// hyphens do not count. Anything else (another person's name, a nickname, a changed family name)
// differs, and a manager approves it. Pure: the form and the server use it alike.
import type { Transliteration } from "@/lib/vocabulary";
import { toEmbossName } from "./emboss";

/** Words as compared: upper case letters and digits, hyphens split words, other marks dropped. */
function words(name: string, transliteration: Transliteration = "strip"): string[] {
  return toEmbossName(name, { uppercase: true, transliteration })
    .replace(/[-/]/g, " ")
    .replace(/[^A-Z0-9 ]/g, "")
    .split(" ")
    .filter(Boolean);
}

/** The printable spellings of a recorded name: plain (Ü → U, Ø → O) and ICAO 9303 (Ü → UE, Ø → OE). */
function spellings(name: string): string[][] {
  const plain = words(name, "strip");
  const icao = words(name, "icao");
  return plain.join(" ") === icao.join(" ") ? [plain] : [plain, icao];
}

/** Card words match the recorded given names in order, each in full or as its initial, none invented. */
function givenMatch(card: string[], recordedSpellings: string[][]): boolean {
  if (card.length === 0) return false;
  return recordedSpellings.some((recorded) => {
    let next = 0;
    for (const word of card) {
      while (next < recorded.length && !(recorded[next] === word || recorded[next]?.[0] === word)) next += 1;
      if (next >= recorded.length) return false;
      next += 1;
    }
    return true;
  });
}

export function nameDiffersFromRecord(
  nameOnCard: string,
  customer: { givenName: string; familyName: string },
): boolean {
  const card = words(nameOnCard);
  const families = spellings(customer.familyName).map((w) => w.join(""));
  const given = spellings(customer.givenName);
  // The family name is the card's last words (one or more: VAN DER BERG, AL SAYED or ALSAYED).
  for (let start = card.length - 1; start >= 1; start -= 1) {
    const family = card.slice(start).join("");
    if (families.includes(family) && givenMatch(card.slice(0, start), given)) return false;
  }
  return true;
}
