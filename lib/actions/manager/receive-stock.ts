"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { receiveStock } from "@/lib/stock/movements";
import { receiveStockSchema } from "@/lib/validations/stock";

/** A shipment of blank cards into the branch's vault, signed by two people of the branch. */
export const receiveStockAction = createAction({
  name: "receiveStock",
  roles: ["manager"],
  input: receiveStockSchema,
  handler: async (input, ctx) => {
    const result = await receiveStock(ctx, input);
    revalidatePath("/manager/stock");
    return result;
  },
});
