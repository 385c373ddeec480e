import { describe, expect, it } from "vitest";
import { issueText } from "@/lib/i18n/zod";
import { createProductSchema, isSafeCharacterClass, toProductValues, productFields } from "./product";

const valid = {
  name: "Harbour Debit",
  d1CardProductId: "VISA_HARBOUR_1",
  bin: "453299",
  panLength: "16",
  expiryMonths: "48",
  delivery: "NO_SHIPMENT",
  priority: "",
  pinMailer: "on",
  paConfig: "VISA_DEBIT_A",
  odaKeyIndex: "1",
  derivationKeyIndex: "",
  embossMaxLength: "26",
  embossUppercase: "on",
  embossAllowed: "A-Z0-9 .'\\-/",
  branchIds: "3f1c7a52-8a2b-4c3d-9e4f-5a6b7c8d9e0f",
};

describe("card product input", () => {
  it("turns form fields into D1-shaped services, payment application and emboss rules", () => {
    const parsed = productFields.parse(valid);
    expect(toProductValues(parsed)).toEqual({
      name: "Harbour Debit",
      d1CardProductId: "VISA_HARBOUR_1",
      bin: "453299",
      panLength: 16,
      expiryMonths: 48,
      isTestProduct: false,
      services: { delivery: "NO_SHIPMENT", pinMailer: true },
      paymentApplication: { config: "VISA_DEBIT_A", odaKeyIndex: "1" },
      embossRules: { maxLength: 26, uppercase: true, allowedCharacters: "A-Z0-9 .'\\-/", transliteration: "icao" },
      minAge: null,
      maxAge: null,
      customerTypes: null,
      needsAccount: false,
      needsApproval: false,
      activateAtHandOver: false,
      // No stock type chosen: the product's cards are not counted.
      stockTypeId: null,
    });
    expect(parsed.branchIds).toEqual([valid.branchIds]);
  });

  it("takes the activation at hand-over from its checkbox (an unticked box sends nothing)", () => {
    expect(toProductValues(productFields.parse({ ...valid, activateAtHandOver: "on" })).activateAtHandOver).toBe(true);
    expect(toProductValues(productFields.parse(valid)).activateAtHandOver).toBe(false);
  });

  it("takes the maker-checker flag from its checkbox", () => {
    expect(toProductValues(productFields.parse({ ...valid, needsApproval: "on" })).needsApproval).toBe(true);
    expect(toProductValues(productFields.parse(valid)).needsApproval).toBe(false);
  });

  it("keeps the eligibility rules and the debit account flag, empty fields meaning no rule", () => {
    const parsed = productFields.parse({
      ...valid,
      minAge: "",
      maxAge: "25",
      customerTypes: ["private"],
      needsAccount: "on",
    });
    expect(toProductValues(parsed)).toMatchObject({
      minAge: null,
      maxAge: 25,
      customerTypes: ["private"],
      needsAccount: true,
    });
    const wrong = productFields.safeParse({ ...valid, minAge: "30", maxAge: "18", customerTypes: "nobody" });
    expect(wrong.success).toBe(false);
    const messages = Object.fromEntries(wrong.error?.issues.map((i) => [String(i.path[0]), issueText(i)]) ?? []);
    expect(messages.customerTypes).toBe("Choose customer types from the list.");
    const ages = productFields.safeParse({ ...valid, minAge: "30", maxAge: "18" }).error!.issues[0]!;
    expect(ages.path).toEqual(["maxAge"]);
    expect(issueText(ages)).toBe("The highest age must be at least the lowest age.");
    expect(productFields.safeParse({ ...valid, maxAge: "121" }).success).toBe(false);
  });

  it("applies D1's field rules with a sentence per field", () => {
    const result = productFields.safeParse({
      ...valid,
      d1CardProductId: "has space",
      bin: "12345",
      expiryMonths: "121",
      delivery: "no shipment",
      embossMaxLength: "27",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((i) => i.path[0]));
    for (const f of ["d1CardProductId", "bin", "expiryMonths", "delivery", "embossMaxLength"])
      expect(fields).toContain(f);
  });

  it("takes PAN lengths of 13 to 19 digits, longer than the BIN plus a check digit", () => {
    expect(productFields.safeParse({ ...valid, bin: "45329912345", panLength: "13" }).success).toBe(true);
    expect(productFields.safeParse({ ...valid, panLength: "12" }).success).toBe(false);
    expect(productFields.safeParse({ ...valid, panLength: "20" }).success).toBe(false);
  });

  it("refuses allowed-character rules that escape their character class", () => {
    expect(isSafeCharacterClass("A-Z0-9 .'\\-/")).toBe(true);
    expect(isSafeCharacterClass("A-Z\\]")).toBe(true);
    expect(isSafeCharacterClass("A-Z]|(a+)+[")).toBe(false);
    expect(isSafeCharacterClass("\\")).toBe(false);
  });

  it("rejects an empty call (the authorisation matrix relies on it)", () => {
    expect(createProductSchema.safeParse({}).success).toBe(false);
  });
});
