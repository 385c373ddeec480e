"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { decideApproval } from "@/lib/issuance/decide";
import { decideRequestSchema } from "@/lib/validations/approval";

/** A manager of the branch (not the requester) approves a request: it is sent to D1 now. */
export const approveRequestAction = createAction({
  name: "approveRequest",
  roles: ["manager"],
  input: decideRequestSchema,
  handler: async ({ jobId, note }, ctx) => {
    const result = await decideApproval({ jobId, approve: true, note }, ctx);
    revalidatePath("/manager/approvals");
    return result;
  },
});
