"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { clearTrainingFault } from "@/db/queries/training";
import { createAction } from "@/lib/actions/action";
import { clearTrainingFaultSchema } from "@/lib/validations/training";

/** Ends a drill: the next training cards are normal again. Clearing one already gone is no error. */
export const clearTrainingFaultAction = createAction({
  name: "clearTrainingFault",
  roles: ["admin"],
  input: clearTrainingFaultSchema,
  handler: async ({ faultId }) => {
    const cleared = await clearTrainingFault({ db, id: faultId });
    revalidatePath("/admin/training");
    return { faultId, cleared };
  },
});
