// The durable submission task: sends a committed job's order to D1. It runs under
// graphile-worker, so a crash or restart re-runs it; D1 sees the same cardId, issuerRequestId and
// card data every time (the card data source is deterministic per card), so a repeat never makes
// a second card. Retryable failures (network, timeout, 429, 5xx) keep the job in `submitting`,
// say so on the job, and try again soon; final refusals end it as `submission_failed`.
import "server-only";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import {
  enqueueSubmission,
  findJobForSubmission,
  insertJobEvent,
  markAccepted,
  markSubmissionFailed,
  markSubmitAttempt,
} from "@/db/queries/jobs";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { IssuanceDeps } from "./deps";

/** Delay before the next try while D1 is unreachable: quick at first, then at most 30 s. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

export async function submitOrder(
  jobId: string,
  deps: IssuanceDeps,
): Promise<"accepted" | "retrying" | "failed" | "skipped"> {
  const found = await findJobForSubmission({ db, jobId });
  if (!found) {
    log.warn({ jobId }, "submission for an unknown job skipped");
    return "skipped";
  }
  const { job, product } = found;
  if (job.state !== "submitting") return "skipped";

  const card = await deps.cardData.allocate({
    jobId: job.id,
    cardId: job.cardId,
    product: { bin: product.bin, panLength: product.panLength, expiryMonths: product.expiryMonths },
    nameOnCard: job.nameOnCard,
  });
  const panLast4 = card.pan.slice(-4);
  try {
    const result = await deps.d1.orderInstantCard({
      cardId: job.cardId,
      issuerRequestId: job.issuerRequestId,
      persoStation: job.persoStation,
      cardProductId: product.d1CardProductId,
      services: { ...product.services, issuance: job.reason },
      paymentApplication: product.paymentApplication,
      cardData: card,
      // Logged in clear at D1, so never personal data: the job's own id.
      correlationId: job.id.replaceAll("-", ""),
    });
    const operationId = "operationId" in result ? (result.operationId ?? null) : null;
    await db.transaction(async (tx) => {
      const updated = await markAccepted({ db: tx, jobId, operationId, panLast4 });
      await insertJobEvent({
        db: tx,
        event: {
          jobId,
          branchId: job.branchId,
          kind: "accepted",
          state: updated?.state ?? "requested",
          detail: { operationId, panLast4, alreadyOrdered: result.alreadyOrdered },
        },
      });
      await insertAudit({
        db: tx,
        entry: {
          actorRole: "system",
          branchId: job.branchId,
          action: "job.submitted",
          entityType: "issuance_job",
          entityId: jobId,
          after: { operationId, panLast4 },
        },
      });
    });
    return "accepted";
  } catch (error) {
    const retryable = deps.isRetryable(error);
    const code = isAppError(error) ? error.code : "internal:d1";
    const message = isAppError(error) ? error.message : "The order could not be sent to D1.";
    const d1 = isAppError(error) ? error.detail : undefined;
    log.warn({ jobId, cardId: job.cardId, code, d1, retryable }, "D1 order failed");
    if (retryable) {
      await db.transaction(async (tx) => {
        const attempt = (await markSubmitAttempt({ db: tx, jobId, errorCode: code, errorMessage: message })) ?? 1;
        await insertJobEvent({
          db: tx,
          event: {
            jobId,
            branchId: job.branchId,
            kind: "submit_retrying",
            state: "submitting",
            detail: { code, attempt, ...d1 },
          },
        });
        await enqueueSubmission({ db: tx, jobId, runAt: new Date(Date.now() + retryDelayMs(attempt)) });
      });
      return "retrying";
    }
    await db.transaction(async (tx) => {
      const failed = await markSubmissionFailed({ db: tx, jobId, errorCode: code, errorMessage: message });
      if (!failed) return;
      await insertJobEvent({
        db: tx,
        event: {
          jobId,
          branchId: job.branchId,
          kind: "submission_failed",
          state: failed.state,
          detail: { code, message, ...d1 },
        },
      });
      await insertAudit({
        db: tx,
        entry: {
          actorRole: "system",
          branchId: job.branchId,
          action: "job.submission_failed",
          entityType: "issuance_job",
          entityId: jobId,
          after: { code, ...d1 },
        },
      });
    });
    return "failed";
  }
}
