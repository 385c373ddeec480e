import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { auditCsv, exportFilter } from "@/lib/audit-export";
import { requestLocale } from "@/lib/i18n/request-locale";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * A manager's own branch's audit log as CSV. The branch is the manager's, whatever the URL says,
 * and From/To are the branch's days, as on the page.
 */
export const GET = route("manager.audit.export", async (request: Request) => {
  const user = await requireRole(["manager"], { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const branch = await findBranch({ db, id: user.branchId });
  if (!branch) throw new AppError("forbidden:branch");
  const query = { ...exportFilter(request), branchId: branch.id, timeZone: branch.timezone };
  log.info({ route: "manager.audit.export", actorId: user.id, query }, "audit export");
  return auditCsv({
    locale: await requestLocale(user),
    name: "manager.audit.export",
    filename: `audit-log-${branch.code}-${new Date().toISOString().slice(0, 10)}.csv`,
    query,
    branchName: new Map([[branch.id, `${branch.name} (${branch.code})`]]),
  });
});
