// The name printed on a card: a product's emboss rules (allowed characters, length, upper case)
// decide what a station can print. Shared by the teller's form (live preview) and the server.
import type { EmbossRules } from "@/db/schema/products";

const SPECIAL: Record<string, string> = {
  ß: "SS",
  Æ: "AE",
  æ: "AE",
  Ø: "O",
  ø: "O",
  Œ: "OE",
  œ: "OE",
  Ł: "L",
  ł: "L",
  Đ: "D",
  đ: "D",
  Þ: "TH",
  þ: "TH",
  ı: "I",
};

/** The customer's name as a station prints it: accents removed, upper case, single spaces. */
export function toEmbossName(name: string, rules: Pick<EmbossRules, "uppercase">): string {
  const plain = name
    .replace(/[ßÆæØøŒœŁłĐđÞþı]/g, (c) => SPECIAL[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
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
  if (rules.uppercase && name !== name.toUpperCase()) problems.push("Use capital letters only.");
  const allowed = new RegExp(`^[${rules.allowedCharacters}]*$`, "u");
  if (!allowed.test(name)) {
    const bad = [...new Set([...name].filter((c) => !new RegExp(`[${rules.allowedCharacters}]`, "u").test(c)))];
    problems.push(`This card cannot print ${bad.map((c) => (c === " " ? "spaces" : `“${c}”`)).join(", ")}.`);
  }
  if (name !== name.trim() || /\s{2,}/.test(name)) problems.push("Remove extra spaces.");
  return problems;
}
