"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { spoilProducedCard } from "@/lib/stock/movements";
import { spoilCardSchema } from "@/lib/validations/stock";

/**
 * From the board's "Produced, not handed over": the manager takes an unclaimed card out of
 * circulation; it goes to the spoiled pile and can no longer be handed over.
 */
export const spoilCardAction = createAction({
  name: "spoilCard",
  roles: ["manager"],
  input: spoilCardSchema,
  handler: async ({ jobId }, ctx) => {
    const result = await spoilProducedCard(ctx, jobId, "not_handed_over");
    revalidatePath("/manager");
    revalidatePath("/manager/stock");
    return result;
  },
});
