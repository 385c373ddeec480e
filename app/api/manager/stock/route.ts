import { requireRole } from "@/lib/auth/session";
import { branchInScope } from "@/lib/branch-scope";
import { route } from "@/lib/route";
import { loadStockFigures } from "@/lib/stock/figures";

export const dynamic = "force-dynamic";

/** A branch's stock balances and latest ledger rows; managers their own branch, admins any. */
export const GET = route("manager.stock", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const branchId = branchInScope(user, new URL(request.url).searchParams.get("branchId"));
  return Response.json(await loadStockFigures(branchId), { headers: { "cache-control": "no-store" } });
});
