import { describe, expect, it } from "vitest";
import { cardWasProduced, listGroup } from "./list-filter";

describe("what a request amounts to in the counter's lists", () => {
  it("reads canceled, retried, handed over and produced truthfully", () => {
    const job = { canceledAt: null, retriedAs: null };
    expect(listGroup({ ...job, state: "canceled" })).toBe("canceled");
    // Canceled at the counter after a failure, or while D1 held the order: canceled, not a problem.
    expect(listGroup({ ...job, state: "production_exception", canceledAt: "2026-11-30T10:00:00Z" })).toBe("canceled");
    expect(listGroup({ ...job, state: "requested", canceledAt: new Date() })).toBe("canceled");
    expect(listGroup({ ...job, state: "production_exception", retriedAs: "j2" })).toBe("retried");
    // Moved: canceled here, carried on by the new request.
    expect(listGroup({ ...job, state: "canceled", canceledAt: new Date(), retriedAs: "j3" })).toBe("retried");
    expect(listGroup({ ...job, state: "production_exception" })).toBe("failed");
    expect(listGroup({ ...job, state: "handed_over" })).toBe("handed_over");
    expect(listGroup({ ...job, state: "done" })).toBe("produced");
    expect(listGroup({ ...job, state: "ready" })).toBe("in_progress");
  });

  it("keeps requests awaiting a manager's approval and those not approved apart", () => {
    const job = { canceledAt: null, retriedAs: null };
    expect(listGroup({ ...job, state: "awaiting_approval" })).toBe("awaiting_approval");
    expect(listGroup({ ...job, state: "rejected" })).toBe("rejected");
    // Withdrawn at the counter while it waited: canceled.
    expect(listGroup({ ...job, state: "canceled", canceledAt: new Date() })).toBe("canceled");
  });

  it("speaks of a card number only where a card was produced", () => {
    expect(cardWasProduced("done")).toBe(true);
    expect(cardWasProduced("handed_over")).toBe(true);
    expect(cardWasProduced("production_exception")).toBe(false);
    expect(cardWasProduced("requested")).toBe(false);
  });
});
