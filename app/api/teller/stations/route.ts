import { requireRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { loadStationPicks } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The enabled stations of the teller's own branch with their health, for the station picker and the retry list. */
export const GET = route("teller.stations.health", async () => {
  const user = await requireRole(AREA_ROLES.teller, { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  return Response.json(await loadStationPicks(user.branchId, user.training), {
    headers: { "cache-control": "no-store" },
  });
});
