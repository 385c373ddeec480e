// The durable submission task: sends a committed job's order to D1. It runs under
// graphile-worker, so a crash or restart re-runs it with the same cardId, issuerRequestId and
// card data (the card system's allocation is idempotent per cardId). D1 does not say what it does with
// a repeated order (d1-api.md §13), so a run that may follow an earlier one asks D1 first
// (orderInstantCard's maybeSentBefore), and one run at a time holds the job (an advisory lock).
// When D1 already knows the card, the job adopts D1's state. Retryable failures (network,
// timeout, 429, 5xx) keep the job in `submitting`, say so on the job, and try again soon; final
// refusals end it as `submission_failed`.
import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import { applyD1StatusUpdates } from "@/db/queries/job-updates";
import {
  enqueueSubmission,
  findJobForSubmission,
  insertJobEvent,
  markAccepted,
  markSubmissionFailed,
  markSubmitAttempt,
  markSubmitStarted,
} from "@/db/queries/jobs";
import { withSubmissionLock } from "@/db/queries/submission-lock";
import { toD1CardData, type CardData } from "@/lib/card-system/card-system";
import type { InstantOrderResult } from "@/lib/d1";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { observeCardSystemCall } from "@/lib/metrics/hooks";
import { withSpan } from "@/lib/tracing/spans";
import { toStatusUpdates } from "@/lib/notifications/to-updates";
import type { IssuanceDeps } from "./deps";
import { STATION_DISABLED, STATION_EMPTY, STATION_UNBALANCED } from "./error-codes";
import { unbalancedByStation } from "@/lib/stock/count-block";

type Outcome = "accepted" | "retrying" | "failed" | "skipped" | "held";

/** How often a job held for a disabled station looks again (enabling the station re-queues it at once). */
export const DISABLED_STATION_RECHECK_MS = 60_000;

/** Delay before the next try while D1 is unreachable: quick at first, then at most 30 s. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

export async function submitOrder(jobId: string, deps: IssuanceDeps): Promise<Outcome> {
  const run = await withSubmissionLock({ db, jobId }, () => submitLocked(jobId, deps));
  if (run.locked) return run.value;
  // The run holding the job finishes it or queues the next try itself.
  log.info({ jobId }, "another run is submitting this job; skipped");
  return "skipped";
}

async function submitLocked(jobId: string, realDeps: IssuanceDeps): Promise<Outcome> {
  const found = await findJobForSubmission({ db, jobId });
  if (!found) {
    log.warn({ jobId }, "submission for an unknown job skipped");
    return "skipped";
  }
  const { job, product, station, accountNumber } = found;
  if (job.state !== "submitting") return "skipped";
  // A training job goes to the training simulator and its own card system, never to the real
  // ones (docs/training.md); without them it waits (reconciliation queues it again).
  const deps = job.training ? await realDeps.training?.() : realDeps;
  if (!deps) {
    log.warn({ jobId }, "training job not submitted: no training simulator in this worker");
    return "skipped";
  }
  if (!station.enabled && !isStationTestAtItsStation(job, station)) return holdAtUnusableStation(job, station.label);
  // A training card uses no blank card, so the station's stock and count do not hold it.
  if (!job.training && station.stock !== null && station.stock <= 0) {
    return holdAtUnusableStation(job, station.label, "empty");
  }
  // A request queued before an end-of-day difference was found waits for its explanation too.
  if (!job.training && (await unbalancedByStation(job.branchId)).has(job.stationId)) {
    return holdAtUnusableStation(job, station.label, "unbalanced");
  }

  let card: CardData;
  try {
    // The span and the metric say that the call was made and how it ended, never what came back.
    card = await withSpan("card_system.allocate", { "bii.job_id": job.id }, () =>
      deps.cardSystem.allocate({
        jobId: job.id,
        cardId: job.cardId,
        product: { bin: product.bin, panLength: product.panLength, expiryMonths: product.expiryMonths },
        nameOnCard: job.nameOnCard,
        ...(accountNumber ? { accountNumber } : {}),
      }),
    );
    if (!job.training) observeCardSystemCall("allocate", "ok");
  } catch (error) {
    if (!job.training) observeCardSystemCall("allocate", "error");
    // Nothing reached D1 in this run: an unreachable card system is tried again later, and card
    // data that failed our checks ends the job (no card is ordered with it). Unless an earlier
    // run may have ordered already: ending the job then would let a retry order a second card,
    // so it stays for the next run, which asks D1 first.
    const mayBeOrdered = job.submitAttempts > 0;
    return recordFailure(
      job,
      error,
      mayBeOrdered ? { ...deps, isRetryable: () => true } : deps,
      "card data allocation failed",
    );
  }
  const panLast4 = card.pan.slice(-4);
  const earlierRuns = await markSubmitStarted({ db, jobId });
  if (earlierRuns === null) return "skipped";
  try {
    const result = await deps.d1.orderInstantCard({
      cardId: job.cardId,
      issuerRequestId: job.issuerRequestId,
      persoStation: job.persoStation,
      cardProductId: product.d1CardProductId,
      services: { ...product.services, issuance: job.reason },
      paymentApplication: product.paymentApplication,
      cardData: toD1CardData(card),
      // Logged in clear at D1, so never personal data: the job's own id.
      correlationId: job.id.replaceAll("-", ""),
      // Any earlier run may have reached D1 before it failed, crashed or was cut off.
      maybeSentBefore: earlierRuns > 0,
    });
    const operationId = result.operationId ?? null;
    await db.transaction(async (tx) => {
      const updated = await markAccepted({ db: tx, jobId, operationId, panLast4 });
      await insertJobEvent({
        db: tx,
        event: {
          jobId,
          branchId: job.branchId,
          kind: "accepted",
          state: updated?.state ?? "requested",
          detail: {
            operationId,
            panLast4,
            alreadyOrdered: result.alreadyOrdered,
            ...(result.status === "known" ? { followedD1After: result.after } : {}),
          },
        },
      });
      // D1 had the order already: its production may be further on (or over); adopt its state.
      await adoptD1State(tx, job.cardId, result, job.training);
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
    return recordFailure(job, error, deps, "D1 order failed");
  }
}

type Submission = NonNullable<Awaited<ReturnType<typeof findJobForSubmission>>>;
type SubmissionJob = Submission["job"];

/**
 * The one order a disabled station takes: its own test card while it is not yet verified (a new
 * station starts disabled and unverified, and this card is what verifies it). Anything else at a
 * disabled station, a test card included once the station is verified, is held.
 */
export function isStationTestAtItsStation(
  job: Pick<SubmissionJob, "purpose">,
  station: Pick<Submission["station"], "verifiedAt">,
): boolean {
  return job.purpose === "station_test" && station.verifiedAt === null;
}

/**
 * The job's station was disabled, has no blank cards of the product's stock left, or has an
 * unexplained end-of-day difference from an earlier day: nothing is
 * ordered. The teller is told once per station (the request can be moved or canceled), and the
 * job looks again later, not in a tight loop (enabling the station re-queues it at once).
 */
const HOLD: Record<"disabled" | "empty" | "unbalanced", { code: string; kind: string; message: string }> = {
  disabled: { code: STATION_DISABLED, kind: "station_disabled", message: "was disabled" },
  empty: { code: STATION_EMPTY, kind: "station_empty", message: "has no blank cards left" },
  unbalanced: {
    code: STATION_UNBALANCED,
    kind: "station_unbalanced",
    message: "has an unexplained end-of-day difference",
  },
};

async function holdAtUnusableStation(
  job: SubmissionJob,
  stationLabel: string,
  why: keyof typeof HOLD = "disabled",
): Promise<Outcome> {
  const { code, kind, message } = HOLD[why];
  log.info({ jobId: job.id, stationId: job.stationId, why }, "station not usable; order held");
  await db.transaction(async (tx) => {
    await markSubmitAttempt({
      db: tx,
      jobId: job.id,
      errorCode: code,
      errorMessage: `${stationLabel} ${message}`,
    });
    await insertJobEvent({
      db: tx,
      event: {
        jobId: job.id,
        branchId: job.branchId,
        kind,
        state: "submitting",
        detail: { code, station: stationLabel },
        dedupeKey: `station_${why}:${job.id}:${job.stationId}`,
      },
    });
    await enqueueSubmission({ db: tx, jobId: job.id, runAt: new Date(Date.now() + DISABLED_STATION_RECHECK_MS) });
  });
  return "held";
}

/** Keeps the job for another try (retryable) or ends it as submission_failed, with the reason. */
async function recordFailure(job: SubmissionJob, error: unknown, deps: IssuanceDeps, what: string): Promise<Outcome> {
  const jobId = job.id;
  const retryable = deps.isRetryable(error);
  const code = isAppError(error) ? error.code : "internal:d1";
  const message = isAppError(error) ? error.message : "The order could not be sent to D1.";
  const d1 = isAppError(error) ? error.detail : undefined;
  log.warn({ jobId, cardId: job.cardId, code, d1, retryable }, what);
  if (retryable) {
    await db.transaction(async (tx) => {
      const attempt = (await markSubmitAttempt({ db: tx, jobId, errorCode: code, errorMessage: message })) ?? 1;
      const runAt = new Date(Date.now() + retryDelayMs(attempt));
      await insertJobEvent({
        db: tx,
        event: {
          jobId,
          branchId: job.branchId,
          kind: "submit_retrying",
          state: "submitting",
          // When the next try runs: the Counter's outage banner says it (db/queries/d1-outage.ts).
          detail: { code, attempt, nextAttemptAt: runAt.toISOString(), ...d1 },
        },
      });
      await enqueueSubmission({ db: tx, jobId, runAt });
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

async function adoptD1State(tx: Tx, cardId: string, result: InstantOrderResult, training: boolean): Promise<void> {
  if (result.status !== "known") return;
  // E3 answers for this card; an operation without its own cardId is still this card's.
  const operations = result.production.operations.map((op) => ({ ...op, cardId: op.cardId ?? cardId }));
  await applyD1StatusUpdates({ db: tx, updates: toStatusUpdates(operations).updates, training });
}
