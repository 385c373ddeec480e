import { requireRole } from "@/lib/auth/session";
import { loadBoard } from "@/lib/board";
import { branchInScope } from "@/lib/branch-scope";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The branch board: latest jobs, jobs in progress, today's and the week's numbers. */
export const GET = route("manager.board", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const branchId = branchInScope(user, new URL(request.url).searchParams.get("branchId"));
  return Response.json(await loadBoard(branchId, user.training), { headers: { "cache-control": "no-store" } });
});
