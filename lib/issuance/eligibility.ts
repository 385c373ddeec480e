// Who may have a product: the admin's rules (age range, customer types) against the customer's
// date of birth and type. The age is the customer's age on today's date in the branch's time
// zone, so a birthday counts from local midnight, as the customer would expect. Plain functions:
// the counter page and the server's check use the same sentences.
import type { CustomerType } from "@/lib/vocabulary";

export type EligibilityRules = {
  name: string;
  minAge: number | null;
  maxAge: number | null;
  customerTypes: readonly string[] | null;
};

export type EligibilityFacts = { dateOfBirth: string; customerType: CustomerType };

export const CUSTOMER_TYPE_LABEL: Record<CustomerType, string> = {
  private: "private",
  business: "business",
};

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

function ageRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `for customers aged ${min} to ${max}`;
  if (min !== null) return `for customers aged ${min} or over`;
  return `for customers up to ${max}`;
}

/** Why the customer may not have the product, as a sentence for the teller; null: eligible. */
export function ineligibility(product: EligibilityRules, customer: EligibilityFacts, today: string): string | null {
  const { minAge, maxAge, customerTypes } = product;
  if (customerTypes && customerTypes.length > 0 && !customerTypes.includes(customer.customerType)) {
    const allowed = customerTypes.map((t) => CUSTOMER_TYPE_LABEL[t as CustomerType] ?? t).join(" and ");
    return `${product.name}: for ${allowed} customers only; this is a ${CUSTOMER_TYPE_LABEL[customer.customerType]} customer.`;
  }
  if (minAge === null && maxAge === null) return null;
  const age = ageOn(customer.dateOfBirth, today);
  if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) {
    return `${product.name}: ${ageRange(minAge, maxAge)}; this customer is ${age}.`;
  }
  return null;
}
