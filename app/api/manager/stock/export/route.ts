import { db } from "@/db";
import { listLedger } from "@/db/queries/stock";
import { requireRole } from "@/lib/auth/session";
import { branchInScope } from "@/lib/branch-scope";
import { csvHeader, type CsvColumn } from "@/lib/csv-header";
import { csvResponse } from "@/lib/csv-stream";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/log";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

const BATCH = 1000;
const HEADER: CsvColumn[] = [
  "id",
  "at",
  "stock_type",
  "place",
  "station",
  "movement",
  "quantity",
  "lot",
  "supplier_ref",
  "spoil_reason",
  "job_id",
  "by",
  "second_by",
];

/** The branch's stock ledger as CSV (a manager's own branch; an admin's ?branchId=), newest first. */
export const GET = route("manager.stock.export", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const branchId = branchInScope(user, new URL(request.url).searchParams.get("branchId"));
  log.info({ route: "manager.stock.export", actorId: user.id, branchId }, "stock ledger export");
  return csvResponse<number>({
    name: "manager.stock.export",
    filename: `stock-ledger-${new Date().toISOString().slice(0, 10)}.csv`,
    header: csvHeader(HEADER, await requestLocale(user)),
    batch: async (before) => {
      const rows = await listLedger({ db, branchId, before, limit: BATCH });
      return {
        rows: rows.map((r) => [
          r.id,
          r.at,
          r.stockType,
          r.place,
          r.station,
          r.movement,
          r.quantity,
          r.lot,
          r.supplierRef,
          r.spoilReason,
          r.jobId,
          r.by,
          r.secondBy,
        ]),
        next: rows.length < BATCH ? undefined : rows[rows.length - 1]!.id,
      };
    },
  });
});
