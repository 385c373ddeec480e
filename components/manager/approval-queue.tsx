"use client";

// The requests awaiting a manager's approval, oldest first, each opening its decision page. Live:
// a new waiting request, a decision or a cancel at the counter refetches the queue.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ApprovalQueueData } from "@/lib/approvals";
import { useApprovalReasons } from "@/components/teller/approval-reasons";
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
  const t = useTranslations("Approvals");
  const v = useTranslations("Vocab");
  const approvalReasons = useApprovalReasons();
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
      title={t("queueHeading", { count: requests.length })}
      headingId="approvals-heading"
      description={t("queueText")}
      className="min-w-0"
    >
      {requests.length === 0 ? (
        <p className="text-slate-700" data-testid="approvals-empty">
          {t("queueEmpty")}
        </p>
      ) : (
        <Table caption={t("queueCaption")} minWidth="min-w-[44rem]">
          <TableHeader>
            <TableRow>
              <TableHead>{t("since")}</TableHead>
              <TableHead>{t("customerAndCard")}</TableHead>
              <TableHead>{t("requestedBy")}</TableHead>
              <TableHead>{t("why")}</TableHead>
              <TableHead>{t("decision")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requests.map((r) => (
              <TableRow key={r.id} data-testid={`approval-${r.id}`}>
                <TableCell>
                  <Time value={r.createdAt} format="time" />
                </TableCell>
                <TableCell>
                  {t.rich("customerCard", {
                    customer: r.customerName,
                    product: r.productName,
                    reason: v(`issuanceReason.${r.reason}`),
                    name: r.nameOnCard,
                    mono: (chunks) => <span className="font-mono">{chunks}</span>,
                  })}
                </TableCell>
                <TableCell>{r.requesterName}</TableCell>
                <TableCell>{approvalReasons(r.approvalRules)}</TableCell>
                <TableCell>
                  <Link href={`/manager/approvals/${r.id}`} className="font-semibold text-brand-700 underline">
                    {t("review")}
                    <span className="sr-only">{t("reviewFor", { customer: r.customerName })}</span>
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
