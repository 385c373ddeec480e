// Creating a job commits it — with its own cardId and issuerRequestId, its first event, its
// audit entry and its queued submission — in one transaction, before D1 is ever called. A second
// submit of the same teller form (same request key) returns the first job instead. A request that
// meets an approval rule is committed awaiting_approval and not queued: nothing goes to D1 until a
// manager approves it (lib/issuance/decide.ts queues it then).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import type { Executor } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import { enqueueSubmission, insertJobEvent, insertJobOnce } from "@/db/queries/jobs";
import type { IssuanceJob } from "@/db/schema";
import type { ApprovalRule, IssuanceReason, JobPurpose, ReplacementReason } from "@/lib/vocabulary";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { currentTraceparent, withSpan } from "@/lib/tracing/spans";

export type NewJobRequest = {
  requestKey: string;
  branchId: string;
  /** Null for a station's test card (purpose station_test), which is no customer's. */
  customerId: string | null;
  purpose?: JobPurpose;
  productId: string;
  stationId: string;
  persoStation: string;
  reason: IssuanceReason;
  nameOnCard: string;
  retryOfJobId?: string | null;
  /** Replacement and renewal: the customer's card this one replaces, and why. */
  replacesJobId?: string | null;
  replacementReason?: ReplacementReason | null;
  /** Debit products: the customer's account the card is for. */
  accountId?: string | null;
  /** The maker-checker rules the request meets (lib/issuance/approval-rules.ts); empty: none. */
  approvalRules?: ApprovalRule[];
};

/** D1 cardId: ^[A-Za-z0-9_-]{1,48}$, chosen by the issuer, never derived from personal data. */
export function newCardId(): string {
  return `card-${randomUUID()}`;
}

export function newIssuerRequestId(): string {
  return `req-${randomUUID()}`;
}

/**
 * `guard` runs first in the same transaction and may throw to refuse the job; a retry uses it to
 * lock the failed job and check it was not canceled meanwhile.
 */
export async function createIssuanceJob(
  request: NewJobRequest,
  ctx: Pick<ActionContext, "user" | "ip" | "userAgent">,
  { guard }: { guard?: (tx: Executor) => Promise<void> } = {},
): Promise<{ job: IssuanceJob; created: boolean }> {
  // The request's span: the worker continues it, and D1's notifications link to it (traceparent).
  return withSpan("issuance.create_job", {}, (span) => create(request, ctx, guard, span.isRecording()));
}

async function create(
  request: NewJobRequest,
  ctx: Pick<ActionContext, "user" | "ip" | "userAgent">,
  guard: ((tx: Executor) => Promise<void>) | undefined,
  traced: boolean,
): Promise<{ job: IssuanceJob; created: boolean }> {
  const traceparent = traced ? currentTraceparent() : null;
  return db.transaction(async (tx) => {
    await guard?.(tx);
    const { approvalRules = [], ...rest } = request;
    const awaiting = approvalRules.length > 0;
    const result = await insertJobOnce({
      db: tx,
      values: {
        ...rest,
        cardId: newCardId(),
        issuerRequestId: newIssuerRequestId(),
        requestedBy: ctx.user.id,
        // From the person, never from input: a trainee's card goes to the training simulator.
        training: ctx.user.training,
        state: awaiting ? "awaiting_approval" : "submitting",
        approvalRules: awaiting ? approvalRules : null,
        traceparent,
      },
    });
    if (!result.created) return result;
    const { job } = result;
    await insertJobEvent({
      db: tx,
      event: {
        jobId: job.id,
        branchId: job.branchId,
        kind: "created",
        state: job.state,
        detail: {
          persoStation: job.persoStation,
          retryOf: job.retryOfJobId,
          replaces: job.replacesJobId,
          ...(job.purpose === "customer" ? {} : { purpose: job.purpose }),
          ...(awaiting ? { approvalRules } : {}),
        },
      },
    });
    await insertAudit({
      db: tx,
      entry: byActor(ctx, {
        branchId: job.branchId,
        action: "job.create",
        entityType: "issuance_job",
        entityId: job.id,
        after: {
          cardId: job.cardId,
          issuerRequestId: job.issuerRequestId,
          customerId: job.customerId,
          ...(job.purpose === "customer" ? {} : { purpose: job.purpose }),
          productId: job.productId,
          persoStation: job.persoStation,
          reason: job.reason,
          nameOnCard: job.nameOnCard,
          retryOf: job.retryOfJobId,
          replaces: job.replacesJobId,
          replacementReason: job.replacementReason,
          accountId: job.accountId,
          ...(awaiting ? { state: job.state, approvalRules } : {}),
        },
      }),
    });
    if (!awaiting) await enqueueSubmission({ db: tx, jobId: job.id, traceparent });
    return result;
  });
}
