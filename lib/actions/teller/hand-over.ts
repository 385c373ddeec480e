"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findHandOverFacts, markReplaced, recordHandOver } from "@/db/queries/hand-over";
import { insertJobEvent } from "@/db/queries/jobs";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { settleHandedOverCard, type SettleOutcome } from "@/lib/hand-over/settle";
import { handOverSchema } from "@/lib/validations/hand-over";

/**
 * The teller gives the produced card to the customer. The record comes first and is committed
 * on its own (state, who, when, the identity document's type and last characters, the replaced
 * card marked replaced); only then is the card system asked to activate the card and to block
 * the card it replaces, so that a card system failure can never undo the hand-over.
 */
export const handOverAction = createAction({
  name: "handOver",
  roles: AREA_ROLES.teller,
  input: handOverSchema,
  handler: async ({ jobId, idDocumentType, idDocumentLast }, ctx) => {
    const job = await findHandOverFacts({ db, jobId });
    // A request of the other kind (training or real) is not this person's to see (docs/training.md).
    if (!job || job.training !== ctx.user.training) throw new AppError("not_found:job");
    ctx.assertBranch(job.branchId);
    const recorded = await db.transaction(async (tx) => {
      const row = await recordHandOver({ db: tx, jobId, userId: ctx.user.id, idDocumentType, idDocumentLast });
      if (!row) return false;
      await insertJobEvent({
        db: tx,
        event: {
          jobId,
          branchId: job.branchId,
          kind: "handed_over",
          state: "handed_over",
          detail: { idDocumentType },
          dedupeKey: `handed_over:${jobId}`,
        },
      });
      const old = row.replacesJobId ? await markReplaced({ db: tx, oldJobId: row.replacesJobId }) : null;
      if (old) {
        await insertJobEvent({
          db: tx,
          event: {
            jobId: old.id,
            branchId: old.branchId,
            kind: "card_replaced",
            state: old.state,
            detail: { byJobId: jobId },
          },
        });
      }
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: job.branchId,
          action: "job.hand_over",
          entityType: "issuance_job",
          entityId: jobId,
          before: { state: "done" },
          // The document's type and last characters only: that is all we ever hold of it.
          after: { state: "handed_over", idDocumentType, idDocumentLast, replacedJobId: old?.id ?? null },
        }),
      });
      return true;
    });
    if (!recorded) {
      const now = await findHandOverFacts({ db, jobId });
      // A second press of the button (or a colleague's): the card is handed over, as asked.
      if (now?.state === "handed_over") return { jobId, outcome: null };
      throw new AppError("conflict:job", {
        message: msg("Errors.handOverNotProduced"),
      });
    }
    const outcome: SettleOutcome = await settleHandedOverCard({ jobId });
    revalidatePath(`/teller/jobs/${jobId}`);
    return { jobId, outcome };
  },
});
