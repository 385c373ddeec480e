import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyEventToRows, type WireEvent } from "@/lib/events/apply-event";
import type { JobState } from "@/lib/vocabulary";
import { changesTotals, liveMeta, RecentEvents, stockQueries, writeLiveEvent } from "./live-query";

type Row = {
  id: string;
  state: JobState;
  panLast4: string | null;
  errorCode: string | null;
  errorMessage: string | null;
};
const ev = (id: number, jobId: string, kind: string, state: JobState): WireEvent => ({
  id,
  jobId,
  branchId: "b1",
  kind,
  state,
  d1Status: null,
  detail: {},
  at: "2026-01-01T00:00:00Z",
});

function cache() {
  const client = new QueryClient();
  const rows: Row[] = [{ id: "j1", state: "requested", panLast4: null, errorCode: null, errorMessage: null }];
  // Queries declare their rule on the query itself; the cache keeps it with the data.
  client
    .getQueryCache()
    .build(client, { queryKey: ["rows"], meta: liveMeta<Row[]>({ apply: applyEventToRows, refetch: changesTotals }) });
  client.getQueryCache().build(client, { queryKey: ["totals"], meta: liveMeta<number>({ refetch: () => true }) });
  client.getQueryCache().build(client, { queryKey: ["not-live"] });
  client.setQueryData(["rows"], rows);
  client.setQueryData(["totals"], 1);
  client.setQueryData(["not-live"], "kept");
  return { client, rows };
}

describe("writing live events into the query cache", () => {
  it("moves a row in place and refetches only what the event changes beyond it", () => {
    const { client } = cache();
    expect(writeLiveEvent(client, ev(5, "j1", "d1_status", "ready"))).toEqual([["totals"]]);
    expect(client.getQueryData<Row[]>(["rows"])?.[0]?.state).toBe("ready");
    expect(client.getQueryData(["not-live"])).toBe("kept");
  });

  it("refetches lists when a job is created or ends", () => {
    const { client } = cache();
    expect(writeLiveEvent(client, ev(6, "j2", "created", "submitting"))).toEqual([["rows"], ["totals"]]);
    expect(writeLiveEvent(client, ev(7, "j1", "d1_status", "done"))).toEqual([["rows"], ["totals"]]);
    expect(client.getQueryData<Row[]>(["rows"])?.[0]?.state).toBe("done");
  });

  it("leaves data the event does not concern untouched", () => {
    const { client, rows } = cache();
    writeLiveEvent(client, ev(8, "elsewhere", "d1_status", "ready"));
    expect(client.getQueryData(["rows"])).toBe(rows);
  });
});

describe("a screen that appears after events went by", () => {
  it("gets the events it missed, and only once however often they are replayed", () => {
    const client = new QueryClient();
    const recent = new RecentEvents();
    // The event reached the browser while the job page was still being rendered on the server.
    const missed = ev(9, "j1", "d1_status", "requested");
    expect(writeLiveEvent(client, missed)).toEqual([]);
    recent.remember(missed);
    recent.remember(ev(10, "other", "d1_status", "ready"));

    const rows: Row[] = [{ id: "j1", state: "submitting", panLast4: null, errorCode: null, errorMessage: null }];
    client.getQueryCache().build(client, {
      queryKey: ["rows"],
      meta: liveMeta<Row[]>({ apply: applyEventToRows, refetch: changesTotals }),
    });
    client.setQueryData(["rows"], rows);

    expect(recent.replayInto(client, ["rows"])).toBe(false);
    expect(client.getQueryData<Row[]>(["rows"])?.[0]?.state).toBe("requested");
    const after = client.getQueryData(["rows"]);
    recent.replayInto(client, ["rows"]);
    expect(client.getQueryData(["rows"])).toBe(after);
  });

  it("asks for a refetch when a missed event changes more than it carries, and ignores queries that are not live", () => {
    const client = new QueryClient();
    const recent = new RecentEvents(2);
    recent.remember(ev(1, "j1", "created", "submitting"));
    recent.remember(ev(2, "j1", "d1_status", "requested"));
    recent.remember(ev(3, "j1", "d1_status", "ready"));
    client.getQueryCache().build(client, { queryKey: ["totals"], meta: liveMeta<number>({ refetch: changesTotals }) });
    client.getQueryCache().build(client, { queryKey: ["plain"] });
    // Only the last two are kept: neither created nor final.
    expect(recent.replayInto(client, ["totals"])).toBe(false);
    recent.remember(ev(4, "j1", "d1_status", "done"));
    expect(recent.replayInto(client, ["totals"])).toBe(true);
    expect(recent.replayInto(client, ["plain"])).toBe(false);
  });
});

describe("stock changes", () => {
  it("refetch only the live queries that show card stock", () => {
    const { client } = cache();
    client.getQueryCache().build(client, {
      queryKey: ["stations"],
      meta: liveMeta<number>({ refetch: changesTotals, stock: true }),
    });
    expect(stockQueries(client)).toEqual([["stations"]]);
  });
});
