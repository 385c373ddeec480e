// Names as people write them on cards and passports. ICAO Doc 9303 part 3 (section 6) gives the
// machine-readable spelling of every Latin letter with a diacritic and of the Cyrillic and Greek
// letters; German practice and the demo branches' customers expect it: Müller → MUELLER,
// Straße → STRASSE, Søren → SOEREN, Ångström → AANGSTROEM. Some card programmes prefer the plain
// form (accents removed: MULLER), so the spelling is chosen per card product. Pure: the teller's
// form and the server share it.
import type { Transliteration } from "@/lib/vocabulary";

/** The admin's choice in words, with the example a German branch checks first. */
export const TRANSLITERATION_LABEL: Record<Transliteration, string> = {
  icao: "As on passports (ICAO 9303): Müller → MUELLER, Søren → SOEREN",
  strip: "Accents removed: Müller → MULLER, Søren → SOREN",
};

// Letters ICAO spells with more than their base letter (upper case keys; lower case is derived).
const ICAO_LATIN: Record<string, string> = {
  Ä: "AE",
  Å: "AA",
  Æ: "AE",
  Ö: "OE",
  Ø: "OE",
  Œ: "OE",
  Ü: "UE",
  Ĳ: "IJ",
  ẞ: "SS",
  Þ: "TH",
  Ð: "D",
  Đ: "D",
  Ħ: "H",
  Ł: "L",
  Ŀ: "L",
  Ŋ: "N",
  Ŧ: "T",
};

// The plain form: letters that do not decompose into base letter + accent.
const PLAIN_LATIN: Record<string, string> = {
  Æ: "AE",
  Ø: "O",
  Œ: "OE",
  Ĳ: "IJ",
  ẞ: "SS",
  Þ: "TH",
  Ð: "D",
  Đ: "D",
  Ħ: "H",
  Ł: "L",
  Ŀ: "L",
  Ŋ: "N",
  Ŧ: "T",
};

// ICAO 9303 part 3, Cyrillic (Ь is not written) and Greek; the same for both spellings, since
// neither script can be printed as it is. Written as "letter=spelling" pairs to stay readable.
const OTHER_SCRIPTS: Record<string, string> = Object.fromEntries(
  [
    "А=A Б=B В=V Г=G Ґ=G Д=D Ѓ=G Ђ=D Е=E Ё=E Є=IE Ж=ZH З=Z Ѕ=DZ И=I І=I Ї=I Й=I Ј=J К=K Л=L Љ=LJ",
    "М=M Н=N Њ=NJ О=O П=P Р=R С=S Т=T Ћ=C Ќ=K У=U Ў=U Ф=F Х=KH Ц=TS Ч=CH Џ=DZ Ш=SH Щ=SHCH Ъ=IE",
    "Ы=Y Ь= Э=E Ю=IU Я=IA",
    "Α=A Β=V Γ=G Δ=D Ε=E Ζ=Z Η=I Θ=TH Ι=I Κ=K Λ=L Μ=M Ν=N Ξ=X Ο=O Π=P Ρ=R Σ=S Τ=T Υ=Y Φ=F Χ=CH",
    "Ψ=PS Ω=O",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => pair.split("=") as [string, string]),
);

/** Lower-case letters whose upper case is not a single letter of their own. */
const LOWER_SPECIAL: Record<string, string> = { ß: "ẞ", ı: "I", ς: "Σ" };

function upper(c: string): string {
  return LOWER_SPECIAL[c] ?? c.toUpperCase();
}

function withoutAccents(c: string): string {
  return c.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The upper-case spelling of one character: from the scheme's table, else without its accents. */
function spell(c: string, scheme: Transliteration): string {
  const u = upper(c);
  const table = scheme === "icao" ? ICAO_LATIN : PLAIN_LATIN;
  // The accents of Greek and Cyrillic letters (ά, й) go first only for the lookup: Й is a letter of its own.
  return table[u] ?? OTHER_SCRIPTS[u] ?? OTHER_SCRIPTS[withoutAccents(u)] ?? withoutAccents(u);
}

/**
 * A name in letters a card can print: every character the scheme spells is replaced, other
 * accents are removed. Case follows the source: "Müller" → "Mueller", "MÜLLER" → "MUELLER",
 * "Ärzte" → "Aerzte"; spaces are not touched (the caller collapses them).
 */
export function transliterate(name: string, scheme: Transliteration): string {
  // Greek ΟΥ is one sound, written OU (Παπαδόπουλος → PAPADOPOULOS), not O + Y.
  const chars = [
    ...name.replace(/([Οο])([ΥυΎύ])/gu, (_, o: string, y: string) =>
      o === "ο" ? "ou" : y === "Υ" || y === "Ύ" ? "OU" : "Ou",
    ),
  ];
  let out = "";
  chars.forEach((c, i) => {
    const spelled = spell(c, scheme);
    if (c !== upper(c)) {
      out += spelled.toLowerCase();
      return;
    }
    // An upper-case letter in a mixed-case word starts it: "Ä" of "Ärzte" → "Ae".
    const next = chars[i + 1] ?? "";
    const nextIsLower = next !== "" && next !== upper(next);
    out += nextIsLower ? spelled.charAt(0) + spelled.slice(1).toLowerCase() : spelled;
  });
  return out;
}

/** How a character the card cannot print is written instead, or null when it has no spelling. */
export function spellingOf(c: string, scheme: Transliteration): string | null {
  const written = spell(c, scheme);
  return written !== "" && written !== upper(c) ? written : null;
}
