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
import { approvalReasonsIn } from "@/lib/issuance/approval-words";
import { shortReference } from "@/lib/issuance/short-reference";

/**
 * The request, or null for a bad id, another branch's (admins oversee every branch) or one of the
 * other kind (training or real, docs/training.md); the title and the page share the read.
 */
const loadRequest = cache(async (jobId: string) => {
  const user = await guardPage("manager");
  if (!z.uuid().safeParse(jobId).success) return null;
  const request = await findApprovalRequest({ db, jobId, training: user.training });
  return request && (user.role === "admin" || request.branchId === user.branchId) ? request : null;
});

/** "Card request for <customer> (req-1a2b3c4d)", like the teller's job page (UX walk T21). */
export async function generateMetadata({ params }: { params: Promise<{ jobId: string }> }): Promise<Metadata> {
  const request = await loadRequest((await params).jobId);
  if (!request) return { title: (await getTranslations("Pages"))("notFoundTitle") };
  const t = await getTranslations("RequestTitle");
  return { title: t("named", { name: request.customerName, ref: shortReference(request.issuerRequestId) }) };
}

/** What became of a request that no longer waits (a decision re-renders this page), as a message key. */
function decisionKey(r: { state: string; decidedAt: Date | null }) {
  if (r.state === "rejected") return "rejectedBy" as const;
  if (r.decidedAt) return "approvedBy" as const;
  return "canceledBefore" as const;
}

/** One request awaiting approval: what was asked, by whom and why it waits, and the decision. */
export default async function ApprovalPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await guardPage("manager");
  // Another branch's request is not found here (admins oversee every branch).
  const request = await loadRequest((await params).jobId);
  if (!request) notFound();
  const branch = await findBranch({ db, id: request.branchId });
  const [t, v, f] = await Promise.all([
    getTranslations("ApprovalDetail"),
    getTranslations("Vocab"),
    getTranslations("IssueForm"),
  ]);
  const reasons = approvalReasonsIn(
    {
      rule: (r) => v(`approvalRule.${r}`),
      none: () => f("noRule"),
      and: (first, last) => f("andList", { first, last }),
    },
    request.approvalRules,
  );
  const waiting = request.state === "awaiting_approval";
  const own = request.requestedBy === user.id;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/manager/approvals" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {t("heading", { product: request.productName, customer: request.customerName })}
      </h1>
      <Card title={t("request")} headingId="request-heading">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">{t("nameOnCard")}</dt>
          <dd className="font-mono">{request.nameOnCard}</dd>
          <dt className="font-semibold">{t("reason")}</dt>
          <dd>{v(`issuanceReason.${request.reason}`)}</dd>
          <dt className="font-semibold">{t("station")}</dt>
          <dd>{request.stationLabel}</dd>
          <dt className="font-semibold">{t("requestedBy")}</dt>
          <dd>
            {t("requestedAt", { name: request.requesterName })} <Time value={request.createdAt} format="dateTime" />
            {branch ? ` (${branch.name})` : ""}
          </dd>
          <dt className="font-semibold">{t("why")}</dt>
          <dd data-testid="approval-reasons">{reasons}</dd>
          <dt className="font-semibold">{t("now")}</dt>
          <dd data-testid="approval-state">{v(`jobState.${request.state}`)}</dd>
          {request.decisionNote ? (
            <>
              <dt className="font-semibold">{t("decision")}</dt>
              <dd>{t("quoted", { note: request.decisionNote })}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      {!waiting ? (
        <p data-testid="decision-result">{t(decisionKey(request), { name: request.decidedByName ?? t("aManager") })}</p>
      ) : own ? (
        <p data-testid="own-request">{t("ownRequest")}</p>
      ) : user.role !== "manager" ? (
        <p>{t("managersOnly")}</p>
      ) : (
        <DecisionForm jobId={request.id} />
      )}
    </div>
  );
}
