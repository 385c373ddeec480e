// The checker's side of maker-checker: a manager of the request's branch, never the person who
// requested it, approves (the request is queued for D1 in the same transaction) or rejects it
// (final, nothing was ever sent). The UPDATE only moves a request that still awaits approval, so a
// second decision, a double click or a decision racing a cancel at the counter changes nothing.
import "server-only";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findApprovalRequest, recordDecision } from "@/db/queries/approvals";
import { enqueueSubmission, insertJobEvent } from "@/db/queries/jobs";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { assertStationBalanced } from "@/lib/stock/count-block";
import type { JobState } from "@/lib/vocabulary";

type Actor = Pick<ActionContext, "user" | "ip" | "userAgent">;
export type Decision = { jobId: string; approve: boolean; note: string };

export const OWN_REQUEST =
  "You requested this card yourself, so another manager of the branch must approve or reject it.";

/** Whether the request already carries this same decision by this same manager (a repeat). */
function sameDecision(request: { state: JobState; decidedBy: string | null }, decision: Decision, userId: string) {
  return request.decidedBy === userId && (request.state === "rejected") === !decision.approve;
}

function alreadyDecided(state: JobState): AppError {
  const what = state === "rejected" ? "rejected" : state === "canceled" ? "canceled" : "approved";
  return new AppError("conflict:job", { message: msg("Errors.alreadyDecided", { what }) });
}

export async function decideApproval(decision: Decision, actor: Actor): Promise<{ jobId: string; state: JobState }> {
  // A request of the other kind (training or real) is not this manager's to see (docs/training.md).
  const request = await findApprovalRequest({ db, jobId: decision.jobId, training: actor.user.training });
  if (!request) throw new AppError("not_found:job");
  // Managers only, and only their own branch's requests (admins oversee, they do not decide).
  if (actor.user.role !== "manager" || actor.user.branchId !== request.branchId) {
    throw new AppError("forbidden:branch");
  }
  if (request.requestedBy === actor.user.id) {
    throw new AppError("forbidden:job", { message: msg("Errors.ownRequest") });
  }
  if (request.state !== "awaiting_approval") {
    if (sameDecision(request, decision, actor.user.id)) return { jobId: request.id, state: request.state };
    throw alreadyDecided(request.state);
  }
  // An approval sends the card now: not to a station held by an unexplained end-of-day difference
  // (a training card uses no blank card, so the count does not hold it: docs/training.md).
  if (decision.approve && !request.training) {
    await assertStationBalanced(
      { id: request.stationId, branchId: request.branchId, label: request.stationLabel },
      "note",
    );
  }
  const decided = await db.transaction(async (tx) => {
    const row = await recordDecision({
      db: tx,
      jobId: request.id,
      approve: decision.approve,
      userId: actor.user.id,
      note: decision.note,
    });
    if (!row) return null;
    // The worker continues the teller's trace (the request's context, kept on the job), across the wait.
    if (decision.approve) await enqueueSubmission({ db: tx, jobId: row.id, traceparent: row.traceparent });
    const detail = { note: decision.note, by: actor.user.name, approvalRules: request.approvalRules ?? [] };
    await insertJobEvent({
      db: tx,
      event: {
        jobId: row.id,
        branchId: row.branchId,
        kind: decision.approve ? "approved" : "rejected",
        state: row.state,
        detail,
      },
    });
    await insertAudit({
      db: tx,
      entry: byActor(actor, {
        branchId: row.branchId,
        action: decision.approve ? "job.approve" : "job.reject",
        entityType: "issuance_job",
        entityId: row.id,
        before: { state: "awaiting_approval", approvalRules: request.approvalRules, requestedBy: request.requestedBy },
        after: { state: row.state, note: decision.note },
      }),
    });
    return row;
  });
  if (decided) return { jobId: decided.id, state: decided.state };
  // Decided or canceled meanwhile: the same answer as above, from the row as it is now.
  const now = await findApprovalRequest({ db, jobId: request.id, training: request.training });
  if (now && sameDecision(now, decision, actor.user.id)) return { jobId: now.id, state: now.state };
  throw alreadyDecided(now?.state ?? "canceled");
}
