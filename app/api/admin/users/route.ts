import { db } from "@/db";
import { listUsers } from "@/db/queries/users";
import { requireRole } from "@/lib/auth/session";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route("admin.users.list", async () => {
  await requireRole(["admin"], { surface: "route" });
  return Response.json({ users: await listUsers({ db }) }, { headers: { "cache-control": "no-store" } });
});
