import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { ineligibilityReason, ineligibilityText } from "./eligibility";
import { stateMessage } from "./state-message";
import { stateSentence } from "./testing/english";

const job = { errorCode: null, errorMessage: null, panLast4: null };
const german = createTranslator({ locale: "de", messages: MESSAGES.de });

describe("stateMessage", () => {
  it("names the key and values a language renders, and English reads as before", () => {
    const done = { ...job, state: "done", panLast4: "4242" };
    expect(stateMessage(done)).toEqual({ key: "doneWithCard", values: { last4: "4242" } });
    expect(stateSentence(done)).toBe("Card produced. Hand the card ending in 4242 to the customer.");
    expect(german(`JobSentence.${stateMessage(done).key}`, stateMessage(done).values)).toBe(
      "Karte produziert. Händigen Sie dem Kunden die Karte mit der Endung 4242 aus.",
    );
  });

  it("quotes D1's words untranslated inside the advice, trimmed", () => {
    const jam = { ...job, state: "production_exception", errorMessage: "  printer   jammed " };
    expect(stateMessage(jam)).toEqual({ key: "productionExceptionReported", values: { reported: "printer jammed" } });
    expect(german("JobSentence.productionExceptionReported", { reported: "printer jammed" })).toMatch(
      /^Die Station konnte die Karte nicht produzieren\..*Meldung von D1: „printer jammed“\.$/,
    );
  });

  it("leaves the approval rules to the renderer, and a rejection note as a value", () => {
    expect(stateMessage({ ...job, state: "awaiting_approval", approvalRules: ["product"] })).toEqual({
      key: "awaiting",
      rules: ["product"],
    });
    expect(stateSentence({ ...job, state: "awaiting_approval", approvalRules: ["product"] })).toBe(
      "Waiting for a manager's approval: this card product needs a manager's approval. Nothing is sent to D1 before it is approved.",
    );
    expect(stateMessage({ ...job, state: "rejected", decisionNote: " no ID " })).toEqual({
      key: "rejectedWithNote",
      values: { note: "no ID" },
    });
  });
});

describe("ineligibilityText", () => {
  const words = (key: string, values?: Record<string, string | number>) =>
    german(`Eligibility.${key}` as never, values as never);

  it("says why a product is not offered in German, with the customer types in German", () => {
    const product = { name: "Business Gold", minAge: null, maxAge: null, customerTypes: ["business"] };
    const reason = ineligibilityReason(product, { dateOfBirth: "1990-01-01", customerType: "private" }, "2026-11-30")!;
    expect(ineligibilityText(reason, words)).toBe("Business Gold: nur für Geschäftskunden; dies ist ein Privatkunde.");
  });

  it("says an age range in German", () => {
    const product = { name: "Youth Prepaid", minAge: null, maxAge: 25, customerTypes: null };
    const reason = ineligibilityReason(product, { dateOfBirth: "1990-01-01", customerType: "private" }, "2026-11-30")!;
    expect(ineligibilityText(reason, words)).toBe("Youth Prepaid: für Kunden bis 25 Jahre; dieser Kunde ist 36.");
  });
});

describe("a refused order", () => {
  it("says a known refusal in the reader's language; the recorded English words follow only as a detail", () => {
    const refused = {
      ...job,
      state: "submission_failed",
      errorCode: "invalid:d1",
      errorMessage: "D1 did not accept the name on the card.",
    };
    const message = stateMessage(refused);
    expect(message).toEqual({ key: "refused.d1Data", detail: "D1 did not accept the name on the card." });
    const text = `${german(`JobSentence.${message.key}`)} ${german("JobSentence.detail", { text: message.detail! })}`;
    expect(text).toMatch(/^D1 hat die Daten des Auftrags nicht angenommen\./);
    expect(text).toContain("„D1 did not accept the name on the card.“");
    expect(stateSentence(refused)).toMatch(/^D1 did not accept the order's data\. .*Recorded: “D1 did not accept/);
  });

  it("gives an unknown code the general sentence, and the recorded words as a detail", () => {
    const odd = { ...job, state: "submission_failed", errorCode: "weird:d1", errorMessage: "Something new" };
    expect(stateMessage(odd)).toEqual({ key: "submissionFailed", detail: "Something new" });
    expect(stateMessage({ ...odd, errorMessage: null })).toEqual({ key: "submissionFailed" });
  });
});
