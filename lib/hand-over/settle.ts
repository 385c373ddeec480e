// After a hand-over is recorded and committed: activate the card (when its product says so) and
// block the card it replaces. Each outcome is stored and becomes a job event, so the job page
// shows it live. A failure here never undoes the hand-over: the teller retries from the page.
import "server-only";
import { db } from "@/db";
import { markCardBlocked } from "@/db/queries/customer-cards";
import { findCardToSettle, markActivated, markActivationFailed } from "@/db/queries/hand-over";
import { insertJobEvent } from "@/db/queries/jobs";
import { cardSystem } from "@/lib/card-system";
import { trainingCardSystem } from "@/lib/training/deps";
import { isAppError } from "@/lib/errors";
import { log as rootLog } from "@/lib/log";
import { settleFailureEnglish, type SettleFailure } from "./settle-failure";

const log = rootLog.child({ component: "hand-over" });

/**
 * What the card system's answer means for the teller: a reason the screen says in the reader's
 * language (HandOver.failure.*, settle-failure.ts), and its English words for the job's events,
 * the column and the log. The error code goes to the log.
 */
function failure(error: unknown, what: "activate" | "block"): { reason: SettleFailure; message: string } {
  const code = isAppError(error) ? error.code : "internal:card_system";
  const reason: SettleFailure = code === "conflict:card_system" ? "refused" : "noAnswer";
  return { reason, message: settleFailureEnglish(what, reason) };
}

export type SettleOutcome = {
  activation: "done" | "failed" | "not_needed";
  oldCardBlock: "done" | "failed" | "not_needed";
};

/** Does what is still pending for a handed-over card; safe to call again (both calls are idempotent). */
export async function settleHandedOverCard({ jobId }: { jobId: string }): Promise<SettleOutcome> {
  const card = await findCardToSettle({ db, jobId });
  const outcome: SettleOutcome = { activation: "not_needed", oldCardBlock: "not_needed" };
  if (!card || card.state !== "handed_over") return outcome;
  // A training card was allocated by the training card system: it is activated and blocked there.
  const cards = card.training ? trainingCardSystem() : cardSystem();
  const event = (kind: string, detail: Record<string, unknown> = {}) =>
    insertJobEvent({ db, event: { jobId, branchId: card.branch_id, kind, state: "handed_over", detail } });

  if (card.activate_at_hand_over && card.card_status !== "active") {
    try {
      await cards.activate({ cardId: card.card_id });
      await markActivated({ db, jobId });
      await event("activated");
      outcome.activation = "done";
    } catch (error) {
      log.warn({ jobId, err: error }, "activation at hand-over failed");
      const { reason, message } = failure(error, "activate");
      await markActivationFailed({ db, jobId, message });
      await event("activation_failed", { reason, message });
      outcome.activation = "failed";
    }
  }

  if (card.old_job_id && card.old_card_id && !card.old_blocked) {
    try {
      await cards.block({ cardId: card.old_card_id, reason: "replaced" });
      await markCardBlocked({ db, jobId: card.old_job_id, reason: "replaced" });
      await event("old_card_blocked", { oldJobId: card.old_job_id });
      outcome.oldCardBlock = "done";
    } catch (error) {
      log.warn({ jobId, oldJobId: card.old_job_id, err: error }, "blocking the replaced card failed");
      await event("old_card_block_failed", { oldJobId: card.old_job_id, ...failure(error, "block") });
      outcome.oldCardBlock = "failed";
    }
  }
  return outcome;
}
