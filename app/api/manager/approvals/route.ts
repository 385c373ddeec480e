import { loadApprovalQueue } from "@/lib/approvals";
import { requireRole } from "@/lib/auth/session";
import { branchInScope } from "@/lib/branch-scope";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The branch's requests awaiting a manager's approval, oldest first. */
export const GET = route("manager.approvals", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const branchId = branchInScope(user, new URL(request.url).searchParams.get("branchId"));
  return Response.json(await loadApprovalQueue(branchId, user.training), { headers: { "cache-control": "no-store" } });
});
