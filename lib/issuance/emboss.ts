// The name printed on a card: a product's emboss rules (allowed characters, length, upper case)
// decide what a station can print. Shared by the teller's form (live preview) and the server.
import type { EmbossRules } from "@/db/schema/products";
import type { Transliteration } from "@/lib/vocabulary";
import { spellingOf, transliterate } from "./transliterate";

/** The scheme a product's rules name; rows written before schemes existed removed accents. */
export function schemeOf(rules: Pick<EmbossRules, "transliteration">): Transliteration {
  return rules.transliteration ?? "strip";
}

/** The customer's name as a station prints it: transliterated per the product, upper case, single spaces. */
export function toEmbossName(name: string, rules: Pick<EmbossRules, "uppercase" | "transliteration">): string {
  const plain = transliterate(name, schemeOf(rules)).replace(/\s+/g, " ").trim();
  return rules.uppercase ? plain.toUpperCase() : plain;
}

/** Why a name cannot be printed, as a message (Emboss.*) with its values, so every language says it. */
export type EmbossProblem =
  | { key: "empty" | "uppercase" | "extraSpaces" }
  | { key: "tooLong"; max: number; length: number }
  | { key: "cannotPrint"; chars: Array<{ char: string; written: string | null }> };

/** Why a name cannot be printed with these rules; empty if it can. */
export function embossProblemList(name: string, rules: EmbossRules): EmbossProblem[] {
  const problems: EmbossProblem[] = [];
  if (name.trim().length === 0) return [{ key: "empty" }];
  if (name.length > rules.maxLength) problems.push({ key: "tooLong", max: rules.maxLength, length: name.length });
  // ß has no single capital: it is reported below with its spelling (SS), not as lower case.
  const cased = name.replace(/ß/g, "");
  if (rules.uppercase && cased !== cased.toUpperCase()) problems.push({ key: "uppercase" });
  const allowed = new RegExp(`^[${rules.allowedCharacters}]*$`, "u");
  if (!allowed.test(name)) {
    const bad = [...new Set([...name].filter((c) => !new RegExp(`[${rules.allowedCharacters}]`, "u").test(c)))];
    problems.push({ key: "cannotPrint", chars: bad.map((c) => ({ char: c, written: writtenAs(c, rules, allowed) })) });
  }
  if (name !== name.trim() || /\s{2,}/.test(name)) problems.push({ key: "extraSpaces" });
  return problems;
}

/** A translator of the Emboss namespace in the reader's language (wordsIn on the server, t on screen). */
export type EmbossWords = (key: string, values?: Record<string, string | number>) => string;

/** The problems as sentences for the teller. */
export function embossProblems(name: string, rules: EmbossRules, t: EmbossWords): string[] {
  return embossProblemList(name, rules).map((p) => {
    if (p.key === "tooLong") return t("tooLong", { max: p.max, length: p.length });
    if (p.key !== "cannotPrint") return t(p.key);
    const chars = p.chars.map(({ char, written }) =>
      char === " " ? t("spaces") : written !== null ? t("charWrite", { char, written }) : t("char", { char }),
    );
    return t("cannotPrint", { chars: chars.join(", ") });
  });
}

/** The spelling of a character the card cannot print, when the card can print that (Ü → UE). */
function writtenAs(c: string, rules: EmbossRules, allowed: RegExp): string | null {
  if (c === " ") return null;
  const spelled = spellingOf(c, schemeOf(rules));
  // A lower-case letter in a mixed-case product is suggested in lower case (ü → ue).
  const written = spelled && !rules.uppercase && c !== c.toUpperCase() ? spelled.toLowerCase() : spelled;
  return written !== null && allowed.test(written) ? written : null;
}
