import { db } from "@/db";
import { listOfferedProducts } from "@/db/queries/products";
import { requireRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The products the caller's branch offers. */
export const GET = route("teller.products.list", async () => {
  const user = await requireRole(AREA_ROLES.teller, { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const products = await listOfferedProducts({ db, branchId: user.branchId });
  return Response.json({ products }, { headers: { "cache-control": "no-store" } });
});
