import { z } from "zod";
import { requireRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { workList } from "@/lib/issuance/work-lists";
import { JOB_STATES } from "@/lib/vocabulary";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

const query = z.object({
  scope: z.enum(["today", "mine", "queue"]).default("mine"),
  state: z.enum(JOB_STATES).optional(),
});

/** The branch's jobs of its day (`scope=today`), the teller's own (`scope=mine`) or the open queue (`scope=queue`). */
export const GET = route("teller.jobs.list", async (request: Request) => {
  const user = await requireRole(AREA_ROLES.teller, { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad_request:route", { message: msg("Errors.jobsScope") });
  const jobs = await workList(
    parsed.data.scope,
    { id: user.id, branchId: user.branchId, training: user.training },
    parsed.data.state,
  );
  return Response.json({ jobs }, { headers: { "cache-control": "no-store" } });
});
