import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { customerAccessBatch } from "@/db/queries/customer-access";
import { requireRole } from "@/lib/auth/session";
import { csvHeader, type CsvColumn } from "@/lib/csv-header";
import { csvResponse } from "@/lib/csv-stream";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/log";
import { route } from "@/lib/route";
import { accessLogFilterSchema } from "@/lib/validations/access-log";
import { invalidFilters, parseFilter, searchParamsToObject } from "@/lib/validations/audit";

export const dynamic = "force-dynamic";

const BATCH = 2000;
const HEADER: CsvColumn[] = ["id", "at", "user_email", "user_id", "branch", "customer_number", "customer_id", "screen"];

/** The customer access log as CSV with the page's filters, streamed in keyset batches. */
export const GET = route("admin.access-log.export", async (request: Request) => {
  const user = await requireRole(["admin"], { surface: "route" });
  const { filter, messages } = parseFilter(
    accessLogFilterSchema,
    searchParamsToObject(new URL(request.url).searchParams),
  );
  if (Object.keys(messages).length > 0) throw invalidFilters(messages, "accessLog");
  const { page: _page, ...query } = filter;
  const branchCode = new Map((await listBranches({ db })).map((b) => [b.id, b.code]));
  // The export itself is a look at customer data: it goes to the audit trail in the log.
  log.info({ route: "admin.access-log.export", actorId: user.id, query }, "customer access log export");

  return csvResponse<number>({
    name: "admin.access-log.export",
    filename: `customer-access-${new Date().toISOString().slice(0, 10)}.csv`,
    header: csvHeader(HEADER, await requestLocale(user)),
    batch: async (beforeId) => {
      const rows = await customerAccessBatch({ db, query, beforeId, limit: BATCH });
      return {
        rows: rows.map((r) => [
          r.id,
          r.at,
          r.userEmail,
          r.userId,
          r.branchId ? (branchCode.get(r.branchId) ?? r.branchId) : "",
          r.customerNumber,
          r.customerId,
          r.screen,
        ]),
        next: rows.length < BATCH ? undefined : rows[rows.length - 1]!.id,
      };
    },
  });
});
