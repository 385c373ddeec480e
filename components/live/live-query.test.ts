import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyEventToRows, type WireEvent } from "@/lib/events/apply-event";
import type { JobState } from "@/lib/vocabulary";
import { changesTotals, liveMeta, writeLiveEvent } from "./live-query";

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
