"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { markClosedAtCounter } from "@/db/queries/job-cancel";
import { lockJobRecovery } from "@/db/queries/job-recovery";
import { findJobView } from "@/db/queries/job-views";
import { insertJobEvent } from "@/db/queries/jobs";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { FAILED_STATES } from "@/lib/vocabulary";
import { jobIdSchema } from "@/lib/validations/issuance";

/**
 * The teller gives up on a failed card (no retry). Nothing is sent to D1: the card was not
 * produced. The job keeps its final state (what went wrong); canceled_at/by, an event and an
 * audit entry record the closing.
 */
export const closeJobAction = createAction({
  name: "closeJob",
  roles: AREA_ROLES.teller,
  input: jobIdSchema,
  handler: async ({ jobId }, ctx) => {
    const job = await findJobView({ db, id: jobId, training: ctx.user.training });
    if (!job) throw new AppError("not_found:job");
    ctx.assertBranch(job.branchId);
    if (!FAILED_STATES.includes(job.state)) {
      throw new AppError("conflict:job", { message: msg("Errors.closeNotFailed") });
    }
    if (job.events.some((e) => e.kind === "closed")) return { jobId };
    const closed = await db.transaction(async (tx) => {
      // Locked like a retry does, so that a retry and a cancel clicked at once do not both happen.
      const recovery = await lockJobRecovery({ db: tx, jobId });
      if (recovery?.retriedAs) {
        throw new AppError("conflict:job", {
          message: msg("Errors.closeRetried"),
        });
      }
      if (recovery?.closed) return false;
      // Canceled at the counter, as every screen reads it (lib/issuance/outcome.ts).
      await markClosedAtCounter({ db: tx, jobId, userId: ctx.user.id });
      await insertJobEvent({
        db: tx,
        event: { jobId, branchId: job.branchId, kind: "closed", state: job.state, dedupeKey: `closed:${jobId}` },
      });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: job.branchId,
          action: "job.close",
          entityType: "issuance_job",
          entityId: jobId,
        }),
      });
      return true;
    });
    if (closed) revalidatePath(`/teller/jobs/${jobId}`);
    return { jobId };
  },
});
