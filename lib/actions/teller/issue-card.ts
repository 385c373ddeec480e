"use server";

import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { checkCounterRequest } from "@/lib/issuance/counter-checks";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import { issueCardSchema } from "@/lib/validations/issuance";

/** Issues the card and opens its live production page. */
export const issueCardAction = createAction({
  name: "issueCard",
  roles: AREA_ROLES.teller,
  input: issueCardSchema,
  handler: async (input, ctx) => {
    const branchId = ctx.user.branchId;
    if (!branchId) throw new AppError("forbidden:branch");
    const { station } = await checkCounterRequest({ ...input, branchId });
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
      },
      ctx,
    );
    if (job.branchId !== branchId || job.customerId !== input.customerId) throw new AppError("conflict:job");
    return { jobId: job.id };
  },
  redirectTo: (data) => `/teller/jobs/${data.jobId}`,
});
