import { requireRole } from "@/lib/auth/session";
import { loadStationHealth } from "@/lib/board";
import { branchInScope } from "@/lib/branch-scope";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Stations of a branch with their live health; managers their own branch, admins any. */
export const GET = route("manager.stations.health", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const branchId = branchInScope(user, new URL(request.url).searchParams.get("branchId"));
  return Response.json(await loadStationHealth(branchId, user.training), { headers: { "cache-control": "no-store" } });
});
