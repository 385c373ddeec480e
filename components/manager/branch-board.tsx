"use client";

import { useQuery } from "@tanstack/react-query";
import type { BoardData } from "@/lib/board";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { BoardChart } from "./board-chart";
import { BoardJobsTable } from "./board-jobs-table";
import { BoardSummary } from "./board-summary";
import { LowStock } from "./low-stock";
import { NotHandedOver } from "./not-handed-over";
import { LiveBadge } from "@/components/live/live-badge";
import { changesTotals, liveMeta } from "@/components/live/live-query";
import { applyEventToRows } from "@/lib/events/apply-event";
import { fetchJson } from "./fetch-json";

/**
 * The branch board inside a LiveEvents channel: each job event moves its row at once; new jobs
 * and jobs that end change the totals, so those refetch the board.
 */
export function BranchBoard({ initial, canManage = false }: { initial: BoardData; canManage?: boolean }) {
  const query = useQuery({
    queryKey: ["branch-board", initial.branchId],
    queryFn: () => fetchJson<BoardData>(`/api/manager/board?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    meta: liveMeta<BoardData>({
      apply: (data, event) => {
        const jobs = applyEventToRows(data.jobs, event);
        return jobs === data.jobs ? data : { ...data, jobs };
      },
      refetch: changesTotals,
    }),
  });
  const data = query.data;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <LiveBadge />
      </div>
      {query.isError ? <Alert tone="error">{query.error.message}</Alert> : null}
      <BoardSummary stats={data.stats} inProgress={data.inProgress} />
      <LowStock stations={data.lowStock} canLoad={canManage} />
      <NotHandedOver cards={data.notHandedOver} canSpoil={canManage} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        {/* min-w-0: grid items would otherwise widen to the table's width and push the page sideways. */}
        <Card title="Latest card requests" headingId="jobs-heading" className="min-w-0">
          <BoardJobsTable jobs={data.jobs} />
        </Card>
        <Card className="min-w-0">
          <BoardChart days={data.stats.days} />
        </Card>
      </div>
    </div>
  );
}
