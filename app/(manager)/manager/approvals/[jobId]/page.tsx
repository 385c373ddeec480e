import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Time } from "@/components/branch-time";
import { DecisionForm } from "@/components/manager/decision-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { findApprovalRequest } from "@/db/queries/approvals";
import { findBranch } from "@/db/queries/branches";
import { guardPage } from "@/lib/auth/page-guard";
import { approvalReasons } from "@/lib/issuance/approval-words";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import { STATE_LABEL } from "@/lib/issuance/states";
import { OWN_REQUEST } from "@/lib/issuance/decide";
import { shortReference } from "@/lib/issuance/short-reference";

/** The request, or null for a bad id or another branch's (admins oversee every branch); the title and the page share the read. */
const loadRequest = cache(async (jobId: string) => {
  const user = await guardPage("manager");
  if (!z.uuid().safeParse(jobId).success) return null;
  const request = await findApprovalRequest({ db, jobId });
  return request && (user.role === "admin" || request.branchId === user.branchId) ? request : null;
});

/** "Card request for <customer> (req-1a2b3c4d)", like the teller's job page (UX walk T21). */
export async function generateMetadata({ params }: { params: Promise<{ jobId: string }> }): Promise<Metadata> {
  const request = await loadRequest((await params).jobId);
  if (!request) return { title: (await getTranslations("Pages"))("notFoundTitle") };
  const t = await getTranslations("RequestTitle");
  return { title: t("named", { name: request.customerName, ref: shortReference(request.issuerRequestId) }) };
}

/** What became of a request that no longer waits (a decision re-renders this page). */
function decisionSentence(r: { state: string; decidedAt: Date | null; decidedByName: string | null }): string {
  const by = r.decidedByName ?? "a manager";
  if (r.state === "rejected") return `Rejected by ${by}. The teller sees the reason; no card is produced.`;
  if (r.decidedAt) return `Approved by ${by}. The card has been sent to the station; the teller follows it live.`;
  return "Canceled at the counter before a manager decided. Nothing was sent to D1.";
}

/** One request awaiting approval: what was asked, by whom and why it waits, and the decision. */
export default async function ApprovalPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await guardPage("manager");
  // Another branch's request is not found here (admins oversee every branch).
  const request = await loadRequest((await params).jobId);
  if (!request) notFound();
  const branch = await findBranch({ db, id: request.branchId });
  const waiting = request.state === "awaiting_approval";
  const own = request.requestedBy === user.id;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/manager/approvals" className="text-sm text-brand-700 underline">
        ← All requests awaiting approval
      </Link>
      <h1 className="text-2xl font-bold">
        {request.productName} for {request.customerName}
      </h1>
      <Card title="The request" headingId="request-heading">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">Name on the card</dt>
          <dd className="font-mono">{request.nameOnCard}</dd>
          <dt className="font-semibold">Reason</dt>
          <dd>{REASON_LABEL[request.reason]}</dd>
          <dt className="font-semibold">Station</dt>
          <dd>{request.stationLabel}</dd>
          <dt className="font-semibold">Requested by</dt>
          <dd>
            {request.requesterName} at <Time value={request.createdAt} format="dateTime" />
            {branch ? ` (${branch.name})` : ""}
          </dd>
          <dt className="font-semibold">Why it needs approval</dt>
          <dd data-testid="approval-reasons">{approvalReasons(request.approvalRules)}</dd>
          <dt className="font-semibold">Now</dt>
          <dd data-testid="approval-state">{STATE_LABEL[request.state]}</dd>
          {request.decisionNote ? (
            <>
              <dt className="font-semibold">Decision</dt>
              <dd>{`“${request.decisionNote}”`}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      {!waiting ? (
        <p data-testid="decision-result">{decisionSentence(request)}</p>
      ) : own ? (
        <p data-testid="own-request">{OWN_REQUEST}</p>
      ) : user.role !== "manager" ? (
        <p>Only a manager of the branch approves or rejects a request.</p>
      ) : (
        <DecisionForm jobId={request.id} />
      )}
    </div>
  );
}
