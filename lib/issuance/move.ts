// Moving an open request to another station of its branch. A request D1 never got is pointed at
// the new station in place (under the submission lock, so no run orders it meanwhile); one D1
// may hold is canceled as far as D1 allows (cancel.ts) and issued again at the new station as a
// new request (new cardId and issuerRequestId) linked to the old one, like a retry.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findJobCarryOver } from "@/db/queries/customer-cards";
import { findJobForCancel, isOpenState, moveJobInPlace, type JobForCancel } from "@/db/queries/job-cancel";
import { enqueueSubmission, insertJobEvent } from "@/db/queries/jobs";
import { findStation } from "@/db/queries/stations";
import { issuanceJobs } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import { assertStationBalanced } from "@/lib/stock/count-block";
import { cancelFound, whileNeverSent, type CancelDeps, type CancelResult } from "./cancel";
import { createIssuanceJob } from "./create-job";

type Actor = Pick<ActionContext, "user" | "ip" | "userAgent">;

export type MoveResult = { jobId: string; movedInPlace: boolean; canceled?: CancelResult };

/** The station a request may move to: another enabled station of the same branch. */
async function targetStation(job: JobForCancel, stationId: string) {
  const station = await findStation({ db, id: stationId });
  const refuse = (message: Message) => new AppError("invalid:station", { fieldErrors: { stationId: [message] } });
  if (!station || station.branchId !== job.branchId) throw refuse(msg("Validation.ownStation"));
  if (station.id === job.stationId) throw refuse(msg("Validation.alreadyAtStation", { station: station.label }));
  if (!station.enabled) throw refuse(msg("Validation.moveStationDisabled", { station: station.label }));
  // A training card uses no blank card: an unexplained count does not hold it (docs/training.md).
  if (!job.training) await assertStationBalanced(station);
  return station;
}

/** Moves a request the caller has found (findJobForCancel) and branch-checked. */
export async function moveFound(
  job: JobForCancel,
  stationId: string,
  actor: Actor,
  deps: CancelDeps,
): Promise<MoveResult> {
  if (!isOpenState(job.state)) {
    // A second click of the same move finds the request the first one made.
    const [earlier] = await db
      .select({ id: issuanceJobs.id })
      .from(issuanceJobs)
      .where(eq(issuanceJobs.requestKey, `move:${job.id}`))
      .limit(1);
    if (earlier) return { jobId: earlier.id, movedInPlace: false };
    throw new AppError("conflict:job", {
      message: msg("Errors.moveNotWaiting"),
    });
  }
  const station = await targetStation(job, stationId);
  const inPlace = await whileNeverSent(job, deps, async (current) => {
    await db.transaction(async (tx) => {
      const moved = await moveJobInPlace({
        db: tx,
        jobId: current.id,
        stationId: station.id,
        persoStation: station.persoStation,
      });
      if (!moved) return;
      const detail = { from: current.stationLabel, to: station.label, toStationId: station.id };
      await insertJobEvent({
        db: tx,
        event: { jobId: current.id, branchId: current.branchId, kind: "moved", state: "submitting", detail },
      });
      await insertAudit({
        db: tx,
        entry: byActor(actor, {
          branchId: current.branchId,
          action: "job.move",
          entityType: "issuance_job",
          entityId: current.id,
          before: { stationId: current.stationId },
          after: { stationId: station.id, persoStation: station.persoStation },
        }),
      });
      // Now, not after a D1 back-off or a disabled station's wait (replaces the queued run).
      await enqueueSubmission({ db: tx, jobId: current.id });
    });
    return true;
  });
  if (inPlace) return { jobId: job.id, movedInPlace: true };

  const canceled = await cancelFound(job, actor, deps);
  // The moved request is the same request: it replaces the same card, for the same account.
  const carried = await findJobCarryOver({ db, jobId: job.id });
  // One new request per moved one, whatever the clicks: the key is derived from the old job.
  const { job: created } = await createIssuanceJob(
    {
      requestKey: `move:${job.id}`,
      branchId: job.branchId,
      customerId: job.customerId,
      productId: job.productId,
      stationId: station.id,
      persoStation: station.persoStation,
      reason: job.reason,
      nameOnCard: job.nameOnCard,
      retryOfJobId: job.id,
      ...carried,
    },
    actor,
  );
  return { jobId: created.id, movedInPlace: false, canceled };
}

export async function moveOpenJob(jobId: string, stationId: string, actor: Actor, deps: CancelDeps) {
  const job = await findJobForCancel({ db, jobId });
  if (!job) throw new AppError("not_found:job");
  return moveFound(job, stationId, actor, deps);
}
