"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { decideApproval } from "@/lib/issuance/decide";
import { decideRequestSchema } from "@/lib/validations/approval";

/** A manager of the branch (not the requester) rejects a request: final, nothing reaches D1. */
export const rejectRequestAction = createAction({
  name: "rejectRequest",
  roles: ["manager"],
  input: decideRequestSchema,
  handler: async ({ jobId, note }, ctx) => {
    const result = await decideApproval({ jobId, approve: false, note }, ctx);
    revalidatePath("/manager/approvals");
    return result;
  },
});
