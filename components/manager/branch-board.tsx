"use client";

import { useQuery } from "@tanstack/react-query";
import type { BoardData } from "@/lib/board";
import { Alert } from "@/components/ui/alert";
import { BoardChart } from "./board-chart";
import { BoardJobsTable } from "./board-jobs-table";
import { BoardSummary } from "./board-summary";
import { LiveBadge } from "./live-badge";
import { fetchJson, useBranchLive } from "./use-branch-live";

/** The branch board, refreshed by the branch's job events (managers) or every 15 s (admins). */
export function BranchBoard({ initial, live }: { initial: BoardData; live: boolean }) {
  const key = ["branch-board", initial.branchId];
  const status = useBranchLive([key], live);
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<BoardData>(`/api/manager/board?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    refetchInterval: live ? false : 15_000,
  });
  const data = query.data;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <LiveBadge status={status} />
      </div>
      {query.isError ? <Alert tone="error">{query.error.message}</Alert> : null}
      <BoardSummary stats={data.stats} inProgress={data.inProgress} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="jobs-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="jobs-heading" className="mb-3 text-base font-semibold">Latest card requests</h2>
          <BoardJobsTable jobs={data.jobs} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <BoardChart days={data.stats.days} />
        </section>
      </div>
    </div>
  );
}
