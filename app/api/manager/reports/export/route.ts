import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { branchToday } from "@/db/queries/reports";
import { requireRole } from "@/lib/auth/session";
import { branchInScope } from "@/lib/branch-scope";
import { csvHeader } from "@/lib/csv-header";
import { csvResponse } from "@/lib/csv-stream";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/log";
import { branchReportCsv, comparisonCsv, type CsvTable } from "@/lib/reports/csv";
import { loadBranchComparison, loadBranchReport } from "@/lib/reports/load";
import { route } from "@/lib/route";
import { invalidFilters, parseFilter, searchParamsToObject } from "@/lib/validations/audit";
import { reportFilterSchema, reportRange } from "@/lib/validations/reports";

export const dynamic = "force-dynamic";

/**
 * One table of the reports as CSV, for the page's range: a manager's own branch, any branch for
 * an admin, and the comparison of all branches for admins only. Bounded by the range (a year at
 * most), so it is built whole and sent as one batch.
 */
export const GET = route("manager.reports.export", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const { filter, messages } = parseFilter(reportFilterSchema, searchParamsToObject(new URL(request.url).searchParams));
  if (Object.keys(messages).length > 0) throw invalidFilters(messages, "report");
  const branchId = branchInScope(user, filter.branchId);
  const branch = await findBranch({ db, id: branchId });
  if (!branch) throw new AppError("not_found:route", { message: msg("Errors.noSuchBranch") });
  const { from, to } = reportRange(filter, await branchToday({ db, branchId }));
  log.info(
    { route: "manager.reports.export", actorId: user.id, branchId, report: filter.report, from, to },
    "report export",
  );

  let table: CsvTable;
  let scope = branch.code;
  if (filter.report === "branches") {
    // The network view is the admins'; a manager sees their own branch only.
    if (user.role !== "admin") throw new AppError("forbidden:route");
    table = comparisonCsv(await loadBranchComparison({ from, to }));
    scope = "all-branches";
  } else {
    const report = await loadBranchReport(branchId, { from, to, grain: filter.grain });
    table = branchReportCsv(report, filter.report, branch.timezone);
  }
  return csvResponse<number>({
    name: "manager.reports.export",
    filename: `report-${filter.report}-${scope}-${from}-${to}.csv`.replace(/[^A-Za-z0-9._-]/g, "_"),
    header: csvHeader(table.header, await requestLocale(user), { zone: branch.timezone }),
    batch: () => Promise.resolve({ rows: table.rows, next: undefined }),
  });
});
