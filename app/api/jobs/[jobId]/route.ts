import { z } from "zod";
import { db } from "@/db";
import { findJobView } from "@/db/queries/job-views";
import { assertBranch, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** One job with its timeline, for the live job page (own branch only). */
export const GET = route("jobs.get", async (_request: Request, { params }: { params: Promise<{ jobId: string }> }) => {
  const user = await requireRole(["teller", "manager", "admin"], { surface: "route" });
  const { jobId } = await params;
  if (!z.uuid().safeParse(jobId).success) throw new AppError("not_found:job");
  const job = await findJobView({ db, id: jobId, training: user.training });
  // Another branch's job answers like a missing one: nothing to learn about other branches.
  if (!job || (user.role !== "admin" && job.branchId !== user.branchId)) throw new AppError("not_found:job");
  assertBranch(user, job.branchId);
  return Response.json({ job }, { headers: { "cache-control": "no-store" } });
});
