// Who may have a product: the admin's rules (age range, customer types) against the customer's
// date of birth and type. The age is the customer's age on today's date in the branch's time
// zone, so a birthday counts from local midnight, as the customer would expect. Plain functions:
// the counter page and the server's check use the same reasons, each in the reader's language
// (the server's through lib/i18n/message.ts). No message files are imported here: the
// e2e specs import this module, and Playwright's loader does not import JSON.
import type { CustomerType } from "@/lib/vocabulary";

export type EligibilityRules = {
  name: string;
  minAge: number | null;
  maxAge: number | null;
  customerTypes: readonly string[] | null;
};

export type EligibilityFacts = { dateOfBirth: string; customerType: CustomerType };

/** Today's calendar date (YYYY-MM-DD) in a time zone; an unknown zone falls back to UTC. */
export function dateIn(timeZone: string, now: Date = new Date()): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

/** Completed years between a date of birth and `today` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  // Month and day compare as text ("04-01" < "11-30"): before the birthday, one year less.
  return today.slice(5, 10) < dateOfBirth.slice(5, 10) ? years - 1 : years;
}

/** Why the customer may not have the product, as a message (Eligibility.*) with its values. */
export type Ineligibility =
  | { key: "types"; product: string; allowed: string[]; type: CustomerType }
  | { key: "ageBetween" | "ageMin" | "ageMax"; product: string; min: number | null; max: number | null; age: number };

export function ineligibilityReason(
  product: EligibilityRules,
  customer: EligibilityFacts,
  today: string,
): Ineligibility | null {
  const { minAge, maxAge, customerTypes } = product;
  if (customerTypes && customerTypes.length > 0 && !customerTypes.includes(customer.customerType)) {
    return { key: "types", product: product.name, allowed: [...customerTypes], type: customer.customerType };
  }
  if (minAge === null && maxAge === null) return null;
  const age = ageOn(customer.dateOfBirth, today);
  if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) {
    const key = minAge !== null && maxAge !== null ? "ageBetween" : minAge !== null ? "ageMin" : "ageMax";
    return { key, product: product.name, min: minAge, max: maxAge, age };
  }
  return null;
}

/** The reason in words, with the translator of the user's language (namespace Eligibility). */
export function ineligibilityText(
  reason: Ineligibility,
  t: (key: string, values?: Record<string, string | number>) => string,
): string {
  if (reason.key === "types") {
    const allowed = reason.allowed.map((type) => t("allowedType", { type }));
    const list =
      allowed.length > 1 ? t("and", { a: allowed.slice(0, -1).join(", "), b: allowed.at(-1)! }) : allowed[0]!;
    return t("types", { product: reason.product, allowed: list, type: reason.type });
  }
  return t(reason.key, { product: reason.product, min: reason.min ?? 0, max: reason.max ?? 0, age: reason.age });
}
