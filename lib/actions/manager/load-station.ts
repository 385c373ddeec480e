"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { loadStation } from "@/lib/stock/movements";
import { loadStationSchema } from "@/lib/validations/stock";

/** Blank cards from the vault into a station, signed by two people; never more than the vault holds. */
export const loadStationAction = createAction({
  name: "loadStation",
  roles: ["manager"],
  input: loadStationSchema,
  handler: async (input, ctx) => {
    const result = await loadStation(ctx, input);
    revalidatePath("/manager/stock");
    return result;
  },
});
