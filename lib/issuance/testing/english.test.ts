import { describe, expect, it } from "vitest";
import { exceptionAdvice, stateSentence } from "./english";

const job = { errorCode: null, errorMessage: null, panLast4: null };

describe("stateSentence", () => {
  it("names the card's last four digits once they are known, and never a placeholder before", () => {
    expect(stateSentence({ ...job, state: "done" })).toBe("Card produced. Hand the card to the customer.");
    expect(stateSentence({ ...job, state: "done", panLast4: "4977" })).toBe(
      "Card produced. Hand the card ending in 4977 to the customer.",
    );
  });

  it("tells the teller a D1 outage is handled, and a plain send otherwise", () => {
    expect(stateSentence({ ...job, state: "submitting", errorCode: "unavailable:d1" })).toMatch(
      /sent again automatically/,
    );
    expect(stateSentence({ ...job, state: "submitting" })).toBe("Sending the order to D1…");
    expect(stateSentence({ ...job, state: "submitting", errorCode: "unavailable:card_system" })).toMatch(
      /card system is not answering[\s\S]*sent again automatically/,
    );
    expect(stateSentence({ ...job, state: "submitting", errorCode: "invalid:card_system" })).toMatch(
      /failed our checks[\s\S]*kept and tried again/,
    );
  });
});

describe("approval sentences", () => {
  it("says why a request waits, in words, and why a manager rejected it", () => {
    expect(stateSentence({ ...job, state: "awaiting_approval", approvalRules: ["product", "name_differs"] })).toBe(
      "Waiting for a manager's approval: this card product needs a manager's approval and the name on the card " +
        "differs from the customer's recorded name. Nothing is sent to D1 before it is approved.",
    );
    expect(stateSentence({ ...job, state: "rejected", decisionNote: "ID does not match" })).toBe(
      "A manager did not approve this request: “ID does not match”. No card was produced.",
    );
  });
});

describe("exceptionAdvice", () => {
  it("advises by D1's documented exception status and quotes D1's free-text reason without interpreting it", () => {
    expect(exceptionAdvice({ state: "production_exception", errorMessage: null })).toBe(
      "The station could not produce the card. Retry on another station, or on this one once its problem is solved; or cancel.",
    );
    // D1 publishes no reason codes: words that look like a cause ("jam", "chip") change nothing.
    for (const reason of ["jam", "chip write failure", "PRINTER_FAULT_0x17"]) {
      const advice = exceptionAdvice({ state: "production_exception", errorMessage: reason });
      expect(advice).toMatch(/^The station could not produce the card\. /);
      expect(advice).toMatch(new RegExp(`D1 reported: “${reason}”\\.$`));
    }
    expect(exceptionAdvice({ state: "data_exception", errorMessage: "invalid personalization data" })).toMatch(
      /^D1 could not prepare the card data\. .*D1 reported: “invalid personalization data”\.$/,
    );
    expect(stateSentence({ ...job, state: "data_exception", errorMessage: null })).toMatch(/^D1 could not prepare/);
  });
});
