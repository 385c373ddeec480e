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

/** Why a name cannot be printed with these rules, as sentences for the teller; empty if it can. */
export function embossProblems(name: string, rules: EmbossRules): string[] {
  const problems: string[] = [];
  if (name.trim().length === 0) return ["Enter the name to print on the card."];
  if (name.length > rules.maxLength) {
    problems.push(
      `Shorten the name to ${rules.maxLength} characters or fewer (now ${name.length}); initials are fine.`,
    );
  }
  // ß has no single capital: it is reported below with its spelling (SS), not as lower case.
  const cased = name.replace(/ß/g, "");
  if (rules.uppercase && cased !== cased.toUpperCase()) problems.push("Use capital letters only.");
  const allowed = new RegExp(`^[${rules.allowedCharacters}]*$`, "u");
  if (!allowed.test(name)) {
    const bad = [...new Set([...name].filter((c) => !new RegExp(`[${rules.allowedCharacters}]`, "u").test(c)))];
    problems.push(`This card cannot print ${bad.map((c) => describe(c, rules, allowed)).join(", ")}.`);
  }
  if (name !== name.trim() || /\s{2,}/.test(name)) problems.push("Remove extra spaces.");
  return problems;
}

/** A character the card cannot print, with its spelling when the card can print that (“Ü” (write “UE”)). */
function describe(c: string, rules: EmbossRules, allowed: RegExp): string {
  if (c === " ") return "spaces";
  const spelled = spellingOf(c, schemeOf(rules));
  // A lower-case letter in a mixed-case product is suggested in lower case (ü → ue).
  const written = spelled && !rules.uppercase && c !== c.toUpperCase() ? spelled.toLowerCase() : spelled;
  return written !== null && allowed.test(written) ? `“${c}” (write “${written}”)` : `“${c}”`;
}
