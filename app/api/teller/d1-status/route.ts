import { db } from "@/db";
import { d1Outage } from "@/db/queries/d1-outage";
import { requireRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Whether D1 is unreachable for the teller's branch (the Counter's banner): `{ outage: null }` when it answers. */
export const GET = route("teller.d1.status", async () => {
  const user = await requireRole(AREA_ROLES.teller, { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const outage = await d1Outage({ db, branchId: user.branchId, training: user.training });
  return Response.json({ outage }, { headers: { "cache-control": "no-store" } });
});
