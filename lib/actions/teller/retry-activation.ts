"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findHandOverFacts } from "@/db/queries/hand-over";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { settleHandedOverCard } from "@/lib/hand-over/settle";
import { retryActivationSchema } from "@/lib/validations/hand-over";

/** Asks the card system again for what failed at hand-over: the activation, the old card's block. */
export const retryActivationAction = createAction({
  name: "retryActivation",
  roles: AREA_ROLES.teller,
  input: retryActivationSchema,
  handler: async ({ jobId }, ctx) => {
    const job = await findHandOverFacts({ db, jobId });
    // A request of the other kind (training or real) is not this person's to see (docs/training.md).
    if (!job || job.training !== ctx.user.training) throw new AppError("not_found:job");
    ctx.assertBranch(job.branchId);
    if (job.state !== "handed_over") {
      throw new AppError("conflict:job", { message: msg("Errors.activationNeedsHandOver") });
    }
    const outcome = await settleHandedOverCard({ jobId });
    await insertAudit({
      db,
      entry: byActor(ctx, {
        branchId: job.branchId,
        action: "job.retry_activation",
        entityType: "issuance_job",
        entityId: jobId,
        after: outcome,
      }),
    });
    revalidatePath(`/teller/jobs/${jobId}`);
    return { jobId, outcome };
  },
});
