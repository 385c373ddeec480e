// The emboss rule "characters allowed on the card" as an admin types it, and as the counter's
// check stores it (the inside of a regular-expression character class, lib/issuance/emboss.ts).
// Typed: the ranges A-Z, a-z and 0-9, and any other character as itself ("A-Z0-9 .'-/"); a
// backslash still escapes the next character, so rules written the old way keep their meaning.

const RANGES = ["A-Z", "a-z", "0-9"];
// Characters with a meaning inside a class under the `u` flag: escaped when stored.
const SPECIAL = new Set(["\\", "]", "[", "^", "-"]);

/** What the admin typed → the character class stored in the product's emboss rules. */
export function charactersToClass(typed: string): string {
  let out = "";
  for (let i = 0; i < typed.length;) {
    const range = RANGES.find((r) => typed.startsWith(r, i));
    if (range) {
      out += range;
      i += range.length;
      continue;
    }
    let c = String.fromCodePoint(typed.codePointAt(i)!);
    if (c === "\\" && i + 1 < typed.length) {
      i += 1;
      c = String.fromCodePoint(typed.codePointAt(i)!);
    }
    out += SPECIAL.has(c) ? `\\${c}` : c;
    i += c.length;
  }
  return out;
}

/** A stored class → what the form shows, e.g. "A-Z0-9 .'\-/" → "A-Z0-9 .'-/". */
export function classToCharacters(stored: string): string {
  return stored.replace(/\\(.)/gu, "$1");
}
