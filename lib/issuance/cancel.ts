// Canceling an open request at the counter. Whether a card can still come out decides what is
// done and said: a request D1 never got is simply canceled (the worker only orders `submitting`
// jobs); one D1 may hold is asked to stop as far as D1 allows (D1_CANCEL_PATH: D1 publishes no
// cancellation API, d1-api.md §12), and unless D1 confirms, the job is flagged "destroy if
// produced". Either way the request is canceled at the counter from this moment.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import {
  dequeueSubmission,
  findJobForCancel,
  markCanceledAtCounter,
  isOpenState,
  type JobForCancel,
} from "@/db/queries/job-cancel";
import { insertJobEvent } from "@/db/queries/jobs";
import { withSubmissionLock } from "@/db/queries/submission-lock";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import type { CancelAnswer, D1Client } from "@/lib/d1";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { log } from "@/lib/log";

export type CancelDeps = { d1: Pick<D1Client, "cancelProduction" | "getProductionStatus"> };
type Actor = Pick<ActionContext, "user" | "ip" | "userAgent">;

/**
 * never_sent: D1 never got the order, no card can come out. stopped: D1 accepted the cancel.
 * not_stopped: D1 may still print it (it could not cancel, refused, or could not be asked).
 */
export type CancelReach = "never_sent" | "stopped" | "not_stopped";
export type CancelResult = {
  jobId: string;
  reach: CancelReach;
  destroyIfProduced: boolean;
  stationLabel: string;
  d1?: CancelAnswer;
};

/** How long a cancel or move waits for a submission run in flight, and how often it looks. */
const LOCK_WAIT_MS = 5_000;
const LOCK_POLL_MS = 200;

/**
 * Runs `whileHeld` with the job's submission lock when D1 certainly never got the order: no run
 * is in flight (the lock is free), and no run ever started, or D1 does not know the card (E3).
 * Returns undefined when D1 may hold the order (or a run still holds the job after `waitMs`).
 */
export async function whileNeverSent<T>(
  job: JobForCancel,
  deps: CancelDeps,
  whileHeld: (job: JobForCancel) => Promise<T>,
  { waitMs = LOCK_WAIT_MS }: { waitMs?: number } = {},
): Promise<T | undefined> {
  if (job.state !== "submitting") return undefined;
  // A run in flight (D1 answering 500, say) usually ends within a second or two: wait for it a
  // little, so that a request D1 never got is not needlessly flagged "destroy if produced".
  const deadline = Date.now() + waitMs;
  for (;;) {
    const run = await withSubmissionLock({ db, jobId: job.id }, async () => {
      const current = await findJobForCancel({ db, jobId: job.id });
      if (!current || current.state !== "submitting") return undefined;
      if (current.submitAttempts > 0 && !(await unknownToD1(current.cardId, deps))) return undefined;
      return { value: await whileHeld(current) };
    });
    if (run.locked) return run.value?.value;
    if (Date.now() >= deadline) return undefined;
    await sleep(LOCK_POLL_MS);
  }
}

/** True only when D1 answers that it has no order for this card. */
async function unknownToD1(cardId: string, deps: CancelDeps): Promise<boolean> {
  try {
    return (await deps.d1.getProductionStatus(cardId)) === null;
  } catch (error) {
    log.warn({ cardId, err: error }, "cancel: D1 could not say whether it holds the order");
    return false;
  }
}

/** Asks D1 to stop; any failure to ask is "unreachable", never an error for the teller. */
async function askD1(cardId: string, deps: CancelDeps): Promise<CancelAnswer> {
  try {
    return await deps.d1.cancelProduction(cardId);
  } catch (error) {
    log.warn({ cardId, err: error }, "cancel: asking D1 failed");
    return { outcome: "unreachable" };
  }
}

export async function cancelOpenJob(jobId: string, actor: Actor, deps: CancelDeps): Promise<CancelResult> {
  const job = await findJobForCancel({ db, jobId });
  if (!job) throw new AppError("not_found:job");
  return cancelFound(job, actor, deps);
}

/** The cancel itself, for a job the caller has found and branch-checked. */
export async function cancelFound(job: JobForCancel, actor: Actor, deps: CancelDeps): Promise<CancelResult> {
  if (job.canceledAt) {
    return { jobId: job.id, reach: "not_stopped", destroyIfProduced: false, stationLabel: job.stationLabel };
  }
  // Awaiting a manager's approval: never queued, never sent. Canceled only while it still awaits
  // (an approval committed meanwhile makes it an ordinary open request: the teller reloads).
  if (job.state === "awaiting_approval") {
    return record(job, actor, { reach: "never_sent", onlyFrom: "awaiting_approval" });
  }
  if (!isOpenState(job.state)) {
    throw new AppError("conflict:job", {
      message: msg("Errors.cancelNotWaiting"),
    });
  }
  const never = await whileNeverSent(job, deps, (current) => record(current, actor, { reach: "never_sent" }));
  if (never) return never;
  const answer = await askD1(job.cardId, deps);
  const reach: CancelReach = answer.outcome === "accepted" ? "stopped" : "not_stopped";
  return record(job, actor, { reach, d1: answer });
}

async function record(
  job: JobForCancel,
  actor: Actor,
  { reach, d1, onlyFrom }: { reach: CancelReach; d1?: CancelAnswer; onlyFrom?: "awaiting_approval" },
): Promise<CancelResult> {
  const destroyIfProduced = reach === "not_stopped";
  const done = await db.transaction(async (tx) => {
    const row = await markCanceledAtCounter({
      db: tx,
      jobId: job.id,
      userId: actor.user.id,
      destroyIfProduced,
      onlyFrom,
    });
    if (!row) return false;
    await dequeueSubmission({ db: tx, jobId: job.id });
    const detail = { reach, destroyIfProduced, station: job.stationLabel, ...(d1 ? { d1 } : {}) };
    await insertJobEvent({
      db: tx,
      event: { jobId: job.id, branchId: job.branchId, kind: "canceled", state: "canceled", detail },
    });
    await insertAudit({
      db: tx,
      entry: byActor(actor, {
        branchId: job.branchId,
        action: "job.cancel",
        entityType: "issuance_job",
        entityId: job.id,
        before: { state: job.state },
        after: { state: "canceled", ...detail },
      }),
    });
    return true;
  });
  if (!done) {
    throw new AppError("conflict:job", {
      message: msg("Errors.cancelRaced"),
    });
  }
  return { jobId: job.id, reach, destroyIfProduced, stationLabel: job.stationLabel, ...(d1 ? { d1 } : {}) };
}
