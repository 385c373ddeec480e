import { describe, expect, it } from "vitest";
import type { JobEventView } from "@/db/queries/job-views";
import type { JobState } from "@/lib/vocabulary";
import { applyEvent, applyEventToRows, type WireEvent } from "./apply-event";

const requested: JobState = "requested";
const job = {
  id: "j1",
  state: requested,
  d1Status: null,
  panLast4: null,
  errorCode: null,
  errorMessage: null,
  events: [] as JobEventView[],
};
const ev = (id: number, state: JobState, extra: Partial<WireEvent> = {}): WireEvent => ({
  id,
  jobId: "j1",
  branchId: "b1",
  kind: "d1_status",
  state,
  d1Status: null,
  detail: {},
  at: "2026-01-01T00:00:00Z",
  ...extra,
});

describe("applying live events in the browser", () => {
  it("a manager's decision moves a waiting request and carries who decided and why", () => {
    const waiting = {
      ...job,
      state: "awaiting_approval" as JobState,
      decisionNote: null,
      decidedAt: null,
      decidedByName: null,
    };
    const approved = applyEvent(
      waiting,
      ev(2, "submitting", { kind: "approved", detail: { note: "Known customer", by: "Max Manager" } }),
    );
    expect(approved).toMatchObject({
      state: "submitting",
      decisionNote: "Known customer",
      decidedByName: "Max Manager",
      decidedAt: "2026-01-01T00:00:00Z",
    });
    const rejected = applyEvent(waiting, ev(3, "rejected", { kind: "rejected", detail: { note: "No ID", by: "M" } }));
    expect(rejected).toMatchObject({ state: "rejected", decisionNote: "No ID" });
    // A rejected request is final: a late approval event cannot revive it.
    expect(applyEvent(rejected, ev(4, "submitting", { kind: "approved", detail: {} })).state).toBe("rejected");
  });

  it("moves forwards, keeps the timeline ordered and ignores repeats", () => {
    const ready = applyEvent(job, ev(5, "ready", { d1Status: "CARD_PROD_READY" }));
    const done = applyEvent(ready, ev(7, "done", { d1Status: "CARD_PROD_DONE" }));
    const late = applyEvent(done, ev(6, "ready"));
    expect(late.state).toBe("done");
    expect(late.events.map((e) => e.id)).toEqual([5, 6, 7]);
    expect(applyEvent(late, ev(7, "done"))).toBe(late);
  });

  it("never leaves a final state and ignores other jobs", () => {
    const failed = applyEvent(job, ev(3, "production_exception", { detail: { reason: "jam", errorCode: "SIM_JAM" } }));
    expect(failed).toMatchObject({ state: "production_exception", errorMessage: "jam", errorCode: "SIM_JAM" });
    expect(applyEvent(failed, ev(4, "done")).state).toBe("production_exception");
    expect(applyEvent(failed, ev(9, "done", { jobId: "other" }))).toBe(failed);
  });

  it("moves a produced card to its hand-over, and nothing else out of done", () => {
    const done = applyEvent(job, ev(7, "done"));
    const handedOver = applyEvent(done, ev(8, "handed_over", { kind: "handed_over" }));
    expect(handedOver.state).toBe("handed_over");
    expect(applyEvent(done, ev(9, "production_exception")).state).toBe("done");
    // Never straight from an unfinished state: only a produced card is handed over.
    expect(applyEvent(job, ev(10, "handed_over")).state).toBe("requested");
  });

  it("takes the last four digits from the acceptance", () => {
    const accepted = applyEvent(
      { ...job, state: "submitting" },
      ev(2, "requested", { kind: "accepted", detail: { panLast4: "0366" } }),
    );
    expect(accepted).toMatchObject({ state: "requested", panLast4: "0366" });
  });

  it("updates a list's row in place and leaves the list alone when nothing changes", () => {
    const rows = [
      { ...job, id: "j0" },
      { id: "j1", state: requested, panLast4: null, errorCode: null, errorMessage: null },
    ];
    const ready = applyEventToRows(rows, ev(5, "ready"));
    expect(ready.map((r) => r.state)).toEqual(["requested", "ready"]);
    expect(ready[0]).toBe(rows[0]);
    expect(applyEventToRows(ready, ev(4, "requested"))).toBe(ready);
    expect(applyEventToRows(ready, ev(9, "done", { jobId: "elsewhere" }))).toBe(ready);
    expect(
      applyEventToRows(ready, ev(6, "requested", { kind: "accepted", detail: { panLast4: "0366" } }))[1],
    ).toMatchObject({ state: "ready", panLast4: "0366" });
  });
});
