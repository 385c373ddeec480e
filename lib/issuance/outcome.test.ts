import { describe, expect, it } from "vitest";
import { cardWasProduced, jobOutcome } from "./outcome";

describe("what a request amounts to in the counter's lists", () => {
  it("reads canceled, retried, handed over and produced truthfully", () => {
    const job = { canceledAt: null, retriedAs: null };
    expect(jobOutcome({ ...job, state: "canceled" })).toBe("canceled");
    // Canceled at the counter after a failure, or while D1 held the order: canceled, not a problem.
    expect(jobOutcome({ ...job, state: "production_exception", canceledAt: "2026-11-30T10:00:00Z" })).toBe("canceled");
    expect(jobOutcome({ ...job, state: "requested", canceledAt: new Date() })).toBe("canceled");
    expect(jobOutcome({ ...job, state: "production_exception", retriedAs: "j2" })).toBe("retried");
    expect(jobOutcome({ ...job, state: "production_exception" })).toBe("failed");
    expect(jobOutcome({ ...job, state: "handed_over" })).toBe("handed_over");
    expect(jobOutcome({ ...job, state: "done" })).toBe("produced");
    expect(jobOutcome({ ...job, state: "ready" })).toBe("in_progress");
  });

  it("speaks of a card number only where a card was produced", () => {
    expect(cardWasProduced("done")).toBe(true);
    expect(cardWasProduced("handed_over")).toBe(true);
    expect(cardWasProduced("production_exception")).toBe(false);
    expect(cardWasProduced("requested")).toBe(false);
  });
});
