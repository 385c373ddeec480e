"use server";

import { listCustomerCards, lockCard } from "@/db/queries/customer-cards";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { cardSystem } from "@/lib/card-system";
import { trainingCardSystem } from "@/lib/training/deps";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { BLOCK_FIRST, blockReplacedCard } from "@/lib/issuance/block-card";
import { checkCounterRequest } from "@/lib/issuance/counter-checks";
import { approvalRulesFor } from "@/lib/issuance/approval-rules";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import { checkIssueRequest } from "@/lib/issuance/issue-checks";
import { issueCardSchema } from "@/lib/validations/issuance";

/** Issues the card and opens its live production page. A lost or stolen card it replaces is
 * blocked at the card system first; if that fails, nothing is ordered. A request that meets one
 * of the bank's approval rules waits for a manager (nothing is sent to D1 before). */
export const issueCardAction = createAction({
  name: "issueCard",
  roles: AREA_ROLES.teller,
  input: issueCardSchema,
  handler: async (input, ctx) => {
    const branchId = ctx.user.branchId;
    if (!branchId) throw new AppError("forbidden:branch");
    const { station } = await checkCounterRequest({ ...input, branchId, training: ctx.user.training });
    const { replaced, replacementReason, accountId } = await checkIssueRequest({
      ...input,
      branchId,
      training: ctx.user.training,
    });
    const approvalRules = await approvalRulesFor({ ...input, training: ctx.user.training });
    if (replaced && replacementReason && BLOCK_FIRST.includes(replacementReason)) {
      await blockReplacedCard(
        { jobId: replaced.jobId, reason: replacementReason as "lost" | "stolen" },
        ctx,
        // A trainee replaces only training cards, which the training card system blocks.
        ctx.user.training ? trainingCardSystem() : cardSystem(),
      );
    }
    // The request key comes from the rendered form: a second submit finds this same job.
    const { job } = await createIssuanceJob(
      {
        requestKey: input.requestKey,
        branchId,
        customerId: input.customerId,
        productId: input.productId,
        stationId: station.id,
        persoStation: station.persoStation,
        reason: input.reason,
        nameOnCard: input.nameOnCard,
        replacesJobId: replaced?.jobId ?? null,
        replacementReason,
        accountId,
        approvalRules,
      },
      ctx,
      {
        // Two tellers replacing the same card at once: the second finds the first's replacement.
        guard: async (tx) => {
          if (!replaced) return;
          // Its own statement first, so the read below (a new snapshot) sees a replacement
          // committed while this one waited for the lock.
          await lockCard({ db: tx, jobId: replaced.jobId });
          const [again] = await listCustomerCards({
            db: tx,
            training: ctx.user.training,
            customerId: input.customerId,
            cardJobId: replaced.jobId,
            exceptRequestKey: input.requestKey,
          });
          if (!again?.replaceable) {
            throw new AppError("conflict:job", {
              message: msg("Errors.replacedMeanwhile"),
            });
          }
        },
      },
    );
    if (job.branchId !== branchId || job.customerId !== input.customerId) throw new AppError("conflict:job");
    return { jobId: job.id };
  },
  redirectTo: (data) => `/teller/jobs/${data.jobId}`,
});
