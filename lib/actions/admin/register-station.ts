"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/action";
import { registerStation } from "@/lib/stations/register";
import { registerBranchStationSchema } from "@/lib/validations/station";

/**
 * An admin registers a station for any branch, e.g. a new branch's first one before it has a
 * manager. The same rules as the manager's: the branch's id pattern, ids unique across the bank.
 */
export const registerBranchStationAction = createAction({
  name: "registerBranchStation",
  roles: ["admin"],
  input: registerBranchStationSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async ({ branchId, ...input }, ctx) => {
    const station = await registerStation({ branchId, input }, ctx);
    revalidatePath("/manager/stations");
    return { stationId: station.id, persoStation: station.persoStation };
  },
});
