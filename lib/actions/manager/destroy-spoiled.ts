"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { destroySpoiled } from "@/lib/stock/movements";
import { destroySpoiledSchema } from "@/lib/validations/stock";

/** Spoiled cards destroyed, signed by two people (the manager and a second person of the branch). */
export const destroySpoiledAction = createAction({
  name: "destroySpoiled",
  roles: ["manager"],
  input: destroySpoiledSchema,
  handler: async (input, ctx) => {
    const result = await destroySpoiled(ctx, input);
    revalidatePath("/manager/stock");
    return result;
  },
});
