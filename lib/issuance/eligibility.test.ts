import { describe, expect, it } from "vitest";
import { wordsIn } from "@/lib/i18n/message";
import {
  ageOn,
  dateIn,
  ineligibilityReason,
  ineligibilityText,
  type EligibilityFacts,
  type EligibilityRules,
} from "./eligibility";

/** The English sentence, as the server's refusal renders it for an English reader. */
function ineligibility(product: EligibilityRules, customer: EligibilityFacts, today: string): string | null {
  const reason = ineligibilityReason(product, customer, today);
  return reason ? ineligibilityText(reason, wordsIn("en", "Eligibility")) : null;
}

const youth = { name: "Youth Prepaid", minAge: null, maxAge: 25, customerTypes: null };
const today = "2026-11-30";

describe("product eligibility", () => {
  it("counts completed years, the birthday itself included", () => {
    expect(ageOn("2000-11-30", today)).toBe(26);
    expect(ageOn("2000-12-01", today)).toBe(25);
    expect(ageOn("1943-05-02", today)).toBe(83);
  });

  it("explains an age outside the range with the customer's age", () => {
    expect(ineligibility(youth, { dateOfBirth: "1943-05-02", customerType: "private" }, today)).toBe(
      "Youth Prepaid: for customers up to 25; this customer is 83.",
    );
    expect(ineligibility(youth, { dateOfBirth: "2001-12-01", customerType: "private" }, today)).toBeNull();
    const adult = { name: "Gold Credit", minAge: 18, maxAge: null, customerTypes: null };
    expect(ineligibility(adult, { dateOfBirth: "2010-01-01", customerType: "private" }, today)).toBe(
      "Gold Credit: for customers aged 18 or over; this customer is 16.",
    );
    const band = { name: "Student", minAge: 18, maxAge: 30, customerTypes: [] };
    expect(ineligibility(band, { dateOfBirth: "1990-01-01", customerType: "business" }, today)).toBe(
      "Student: for customers aged 18 to 30; this customer is 36.",
    );
  });

  it("explains a customer type the product is not for", () => {
    const business = { name: "Business Debit", minAge: null, maxAge: null, customerTypes: ["business"] };
    expect(ineligibility(business, { dateOfBirth: "1980-01-01", customerType: "private" }, today)).toBe(
      "Business Debit: for business customers only; this is a private customer.",
    );
    expect(ineligibility(business, { dateOfBirth: "1980-01-01", customerType: "business" }, today)).toBeNull();
  });

  it("takes today's date in the branch's time zone, not the server's", () => {
    // 23:30 UTC on 29 November is already 30 November in Berlin and still 29 November in New York.
    const now = new Date("2026-11-29T23:30:00Z");
    expect(dateIn("Europe/Berlin", now)).toBe("2026-11-30");
    expect(dateIn("America/New_York", now)).toBe("2026-11-29");
    expect(dateIn("Not/AZone", now)).toBe("2026-11-29");
    // A customer turning 26 on 30 November is 26 in Berlin but still 25 in New York.
    const born = { dateOfBirth: "2000-11-30", customerType: "private" as const };
    expect(ineligibility(youth, born, dateIn("Europe/Berlin", now))).toContain("this customer is 26");
    expect(ineligibility(youth, born, dateIn("America/New_York", now))).toBeNull();
  });
});
