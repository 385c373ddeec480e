import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { auditCsv, exportFilter } from "@/lib/audit-export";
import { requestLocale } from "@/lib/i18n/request-locale";
import { requireRole } from "@/lib/auth/session";
import { log } from "@/lib/log";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The bank-wide audit log as CSV with the browser's filters (days in UTC, as on the page). */
export const GET = route("admin.audit.export", async (request: Request) => {
  const user = await requireRole(["admin"], { surface: "route" });
  const query = exportFilter(request);
  const branchName = new Map((await listBranches({ db })).map((b) => [b.id, `${b.name} (${b.code})`]));
  log.info({ route: "admin.audit.export", actorId: user.id, query }, "audit export");
  return auditCsv({
    locale: await requestLocale(user),
    name: "admin.audit.export",
    filename: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
    query,
    branchName,
  });
});
