// Reconciliation: D1 delivers notifications at least once but may not deliver them at all, and a
// worker can die mid-submission. Every minute, jobs that went quiet are checked: a stuck
// submission is queued again (that run asks E3 before ordering again), a quiet production is
// polled with E3, and so is a request canceled while D1 may still have held it (for a few days),
// so that a card printed anyway is flagged for destruction even if its notification was lost.
import "server-only";
import { db } from "@/db";
import { applyD1StatusUpdates } from "@/db/queries/job-updates";
import { enqueueSubmission, findCanceledToWatch, findJobsToReconcile } from "@/db/queries/jobs";
import { log } from "@/lib/log";
import { countReconcilePass, observeTimeToCard } from "@/lib/metrics/hooks";
import { toStatusUpdates } from "@/lib/notifications/to-updates";
import type { IssuanceDeps } from "./deps";

/** How long a request canceled while D1 held it is still asked about (an offline station may come back days later). */
export const CANCELED_WATCH_HOURS = 72;

export async function reconcileJobs(
  deps: Pick<IssuanceDeps, "d1">,
  options: { quietSeconds: number; limit?: number; training?: boolean } = { quietSeconds: 60 },
): Promise<{ polled: number; requeued: number; applied: number }> {
  const limit = options.limit ?? 100;
  // Training jobs with the training simulator's deps, real ones with D1's: never mixed, and a
  // training pass counts in no metric (docs/training.md).
  const training = options.training ?? false;
  const jobs = [
    ...(await findJobsToReconcile({ db, quietSeconds: options.quietSeconds, limit, training })),
    // Their own (smaller) share, so that old canceled requests never crowd out open ones.
    ...(await findCanceledToWatch({
      db,
      quietSeconds: options.quietSeconds,
      withinHours: CANCELED_WATCH_HOURS,
      limit: Math.ceil(limit / 5),
      training,
    })),
  ];
  let polled = 0;
  let requeued = 0;
  let applied = 0;
  let failed = 0;
  for (const job of jobs) {
    try {
      if (job.state === "submitting") {
        await enqueueSubmission({ db, jobId: job.id });
        requeued++;
        continue;
      }
      const status = await deps.d1.getProductionStatus(job.cardId);
      polled++;
      if (!status) continue;
      const { updates } = toStatusUpdates(status.operations);
      const result = await applyD1StatusUpdates({ db, updates, training });
      applied += result.applied;
      if (!training)
        observeTimeToCard(result.changed?.flatMap((c) => (c.secondsToCard === null ? [] : [c.secondsToCard])) ?? []);
    } catch (error) {
      failed++;
      log.warn({ jobId: job.id, err: error }, "reconciliation of a job failed; will try again");
    }
  }
  if (!training) countReconcilePass({ polled, requeued, applied, failed });
  if (jobs.length > 0) log.info({ polled, requeued, applied }, "reconciliation pass");
  return { polled, requeued, applied };
}
