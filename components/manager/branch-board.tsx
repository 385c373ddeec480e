"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { BoardData } from "@/lib/board";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { BoardChart } from "./board-chart";
import { BoardJobsTable } from "./board-jobs-table";
import { BoardSummary } from "./board-summary";
import { LowStock } from "./low-stock";
import { CountDifferences } from "./count-differences";
import { NotHandedOver } from "./not-handed-over";
import { LiveBadge } from "@/components/live/live-badge";
import { changesTotals, liveMeta } from "@/components/live/live-query";
import { applyEventToRows } from "@/lib/events/apply-event";
import { fetchJson } from "./fetch-json";

/**
 * The branch board inside a LiveEvents channel: each job event moves its row at once; new jobs
 * and jobs that end change the totals, so those refetch the board.
 */
export function BranchBoard({
  initial,
  canOpenJobs = false,
  canManage = false,
}: {
  initial: BoardData;
  canOpenJobs?: boolean;
  /** The branch's manager: loads stations and spoils unclaimed cards (admins only look). */
  canManage?: boolean;
}) {
  const t = useTranslations("Board");
  const client = useQueryClient();
  const queryKey = ["branch-board", initial.branchId];
  const query = useQuery({
    queryKey,
    queryFn: () => fetchJson<BoardData>(`/api/manager/board?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    meta: liveMeta<BoardData>({
      apply: (data, event) => {
        const jobs = applyEventToRows(data.jobs, event);
        return jobs === data.jobs ? data : { ...data, jobs };
      },
      refetch: changesTotals,
      // Low stock and end-of-day differences follow the branch's stock changes.
      stock: true,
    }),
  });
  // Coming back to the board renders it afresh on the server, but the cache (30 s stale time)
  // would keep what it showed before; changes that send no job event (an end-of-day count, its
  // explanation) would then stay invisible. The newer render wins.
  const initialAt = Date.parse(initial.at);
  useEffect(() => {
    if (initialAt > (client.getQueryState(queryKey)?.dataUpdatedAt ?? 0)) {
      client.setQueryData(queryKey, initial, { updatedAt: initialAt });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs for each new server render only
  }, [initial]);
  const data = query.data;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <LiveBadge />
      </div>
      {query.isError ? <Alert tone="error">{query.error.message || t("loadFailed")}</Alert> : null}
      <BoardSummary stats={data.stats} inProgress={data.inProgress} />
      <LowStock stations={data.lowStock} canLoad={canManage} />
      <NotHandedOver cards={data.notHandedOver} canSpoil={canManage} />
      <CountDifferences counts={data.countDifferences} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        {/* min-w-0: grid items would otherwise widen to the table's width and push the page sideways. */}
        <Card title={t("latestHeading")} headingId="jobs-heading" className="min-w-0">
          <BoardJobsTable jobs={data.jobs} canOpenJobs={canOpenJobs} />
        </Card>
        <Card className="min-w-0">
          <BoardChart days={data.stats.days} />
        </Card>
      </div>
    </div>
  );
}
