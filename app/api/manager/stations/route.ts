import { db } from "@/db";
import { listStations } from "@/db/queries/stations";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The stations of the manager's own branch. */
export const GET = route("manager.stations.list", async () => {
  const user = await requireRole(["manager"], { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const stations = await listStations({ db, branchId: user.branchId });
  return Response.json({ stations }, { headers: { "cache-control": "no-store" } });
});
