"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { AppError } from "@/lib/errors";
import { registerStation } from "@/lib/stations/register";
import { registerStationSchema } from "@/lib/validations/station";

/**
 * Registers a personalization station in the manager's own branch, disabled, unverified and not
 * default (it is enabled after a test card). The
 * id must match the branch's station id pattern (lib/stations/register.ts).
 */
export const registerStationAction = createAction({
  name: "registerStation",
  roles: ["manager"],
  input: registerStationSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async (input, ctx) => {
    const branchId = ctx.user.branchId;
    ctx.assertBranch(branchId);
    if (!branchId) throw new AppError("forbidden:branch");
    const station = await registerStation({ branchId, input }, ctx);
    revalidatePath("/manager/stations");
    return { stationId: station.id, persoStation: station.persoStation };
  },
});
