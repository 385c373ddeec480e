import { describe, expect, it } from "vitest";
import { wordsIn } from "@/lib/i18n/message";
import { cancelMessage, isCanceledAtCounter, jobOutcome, needsAction } from "./outcome";

const job = wordsIn("en", "Job");

describe("what became of a request", () => {
  it("a failed card canceled at the counter reads Canceled and needs no action (T5)", () => {
    const failed = { state: "production_exception" as const, canceledAt: "2026-11-30T10:00:00Z" };
    expect(jobOutcome(failed)).toEqual({ kind: "canceled" });
    expect(needsAction(failed)).toBe(false);
    expect(isCanceledAtCounter(failed)).toBe(true);
  });

  it("a failed card retried reads Retried; a canceled one issued again reads Moved (T9)", () => {
    expect(jobOutcome({ state: "production_exception", retriedAs: "j2" }).kind).toBe("retried");
    expect(jobOutcome({ state: "canceled", canceledAt: new Date(), retriedAs: "j2" }).kind).toBe("moved");
  });

  it("a card printed after a cancel is to be destroyed, whatever else", () => {
    expect(jobOutcome({ state: "canceled", producedAfterCancelAt: new Date() }).kind).toBe("destroy");
  });

  it("a failure nobody handled still needs action; open and produced requests read their state", () => {
    expect(needsAction({ state: "submission_failed" })).toBe(true);
    expect(jobOutcome({ state: "requested" })).toEqual({ kind: "open" });
    expect(jobOutcome({ state: "done" }).kind).toBe("done");
  });

  it("a request a manager rejected is final and not a failure to retry; one awaiting approval is open", () => {
    expect(jobOutcome({ state: "rejected" })).toEqual({ kind: "rejected" });
    expect(needsAction({ state: "rejected" })).toBe(false);
    expect(jobOutcome({ state: "awaiting_approval" })).toEqual({ kind: "open" });
  });

  it("tells the teller plainly when D1 could not stop the order", () => {
    const sentence = (summary: Parameters<typeof cancelMessage>[0]) => {
      const { key, values } = cancelMessage(summary);
      return job(key, values);
    };
    expect(sentence({ reach: "not_stopped", stationLabel: "Back office printer" })).toBe(
      "D1 could not stop this order. If the card is printed at Back office printer, it is flagged for destruction: do not hand it over.",
    );
    expect(sentence({ reach: "never_sent", stationLabel: "x" })).toContain("no card will be printed");
    // The screens say the same key in the user's language.
    expect(cancelMessage({ reach: "not_stopped", stationLabel: "P1" })).toEqual({
      key: "cancelNotStopped",
      values: { station: "P1" },
    });
    expect(cancelMessage({ reach: "stopped", stationLabel: "P1" })).toEqual({ key: "cancelStopped" });
  });
});
