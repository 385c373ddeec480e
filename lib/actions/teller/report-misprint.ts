"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { spoilProducedCard } from "@/lib/stock/movements";
import { spoilCardSchema } from "@/lib/validations/stock";

/**
 * The teller saw a misprint on a produced card: it goes to the spoiled pile, is never handed
 * over, and the job page offers to issue it again (retry).
 */
export const reportMisprintAction = createAction({
  name: "reportMisprint",
  roles: AREA_ROLES.teller,
  input: spoilCardSchema,
  handler: async ({ jobId }, ctx) => {
    const result = await spoilProducedCard(ctx, jobId, "misprint");
    revalidatePath(`/teller/jobs/${jobId}`);
    return result;
  },
});
