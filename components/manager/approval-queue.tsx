"use client";

// The requests awaiting a manager's approval, oldest first, each opening its decision page. Live:
// a new waiting request, a decision or a cancel at the counter refetches the queue.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ApprovalQueueData } from "@/lib/approvals";
import { approvalReasons } from "@/lib/issuance/approval-words";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import type { WireEvent } from "@/lib/events/apply-event";
import { liveMeta } from "@/components/live/live-query";
import { Time } from "@/components/branch-time";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fetchJson } from "./fetch-json";

/** Events that add a request to the queue or take one out of it. */
const changesQueue = (e: WireEvent) =>
  e.state === "awaiting_approval" || e.kind === "approved" || e.kind === "rejected" || e.kind === "canceled";

export function ApprovalQueue({ initial }: { initial: ApprovalQueueData }) {
  const { data } = useQuery({
    queryKey: ["approvals", initial.branchId],
    queryFn: () => fetchJson<ApprovalQueueData>(`/api/manager/approvals?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    meta: liveMeta<ApprovalQueueData>({ refetch: changesQueue }),
  });
  const requests = data.requests;
  return (
    <Card
      title={`Awaiting a manager's approval (${requests.length})`}
      headingId="approvals-heading"
      description="Requests that met one of the bank's approval rules. Nothing is sent to D1 before a manager other than the requester approves."
      className="min-w-0"
    >
      {requests.length === 0 ? (
        <p className="text-slate-700" data-testid="approvals-empty">
          No request is waiting for approval.
        </p>
      ) : (
        <Table caption="Requests awaiting approval, oldest first" minWidth="min-w-[44rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Since</TableHead>
              <TableHead>Customer and card</TableHead>
              <TableHead>Requested by</TableHead>
              <TableHead>Why</TableHead>
              <TableHead>Decision</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requests.map((r) => (
              <TableRow key={r.id} data-testid={`approval-${r.id}`}>
                <TableCell>
                  <Time value={r.createdAt} format="time" />
                </TableCell>
                <TableCell>
                  {r.customerName}: {r.productName} ({REASON_LABEL[r.reason].toLowerCase()}), printed as{" "}
                  <span className="font-mono">{r.nameOnCard}</span>
                </TableCell>
                <TableCell>{r.requesterName}</TableCell>
                <TableCell>{approvalReasons(r.approvalRules)}</TableCell>
                <TableCell>
                  <Link href={`/manager/approvals/${r.id}`} className="font-semibold text-brand-700 underline">
                    Review the request<span className="sr-only"> for {r.customerName}</span>
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
