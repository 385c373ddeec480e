import { describe, expect, it } from "vitest";
import { stateSentence } from "./teller-messages";

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
  });
});
