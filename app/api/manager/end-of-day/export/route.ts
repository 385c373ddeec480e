import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { listCounts } from "@/db/queries/stock-count-history";
import { requireRole } from "@/lib/auth/session";
import { branchInScope } from "@/lib/branch-scope";
import { csvHeader, type CsvColumn } from "@/lib/csv-header";
import { csvResponse } from "@/lib/csv-stream";
import { requestLocale } from "@/lib/i18n/request-locale";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { log } from "@/lib/log";
import { route } from "@/lib/route";
import { defaultRange } from "@/lib/stock/end-of-day-page";
import { dateIn } from "@/lib/issuance/eligibility";
import { MOVEMENT_ORDER, placeLabel } from "@/lib/stock/end-of-day";
import { stockCountHistorySchema } from "@/lib/validations/stock-count";

export const dynamic = "force-dynamic";

const HEADER: CsvColumn[] = [
  "business_date",
  "place",
  "stock_type",
  "opening",
  ...MOVEMENT_ORDER,
  "expected",
  "counted",
  "difference",
  "counted_by",
  "confirmed_by",
  "counted_at",
  "explanation",
  "explained_by",
  "explained_at",
];

// A branch's counts of a year at most are a few thousand rows: one batch.
const LIMIT = 20_000;

/** The branch's end-of-day history as CSV (BOM, formula guard), for the branch's manager or an admin. */
export const GET = route("manager.end_of_day.export", async (request: Request) => {
  const user = await requireRole(["manager", "admin"], { surface: "route" });
  const params = new URL(request.url).searchParams;
  const branchId = branchInScope(user, params.get("branchId"));
  const branch = await findBranch({ db, id: branchId });
  if (!branch) throw new AppError("not_found:branch");
  const parsed = stockCountHistorySchema.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) {
    throw new AppError("bad_request:route", { message: msg("Errors.endOfDayDays") });
  }
  const range = { ...defaultRange(dateIn(branch.timezone)), ...parsed.data };
  log.info({ route: "manager.end_of_day.export", actorId: user.id, branchId, ...range }, "end-of-day export");
  return csvResponse<never>({
    name: "manager.end_of_day.export",
    filename: `end-of-day-${branch.code}-${range.from}-${range.to}.csv`,
    header: csvHeader(HEADER, await requestLocale(user)),
    batch: async () => {
      const counts = await listCounts({ db, branchId, ...range, limit: LIMIT });
      return {
        rows: counts.map((c) => [
          c.businessDate,
          placeLabel(c),
          c.stockTypeName,
          c.opening,
          ...MOVEMENT_ORDER.map((m) => c.movements[m]),
          c.expected,
          c.counted,
          c.counted - c.expected,
          c.countedBy,
          c.confirmedBy,
          c.at,
          c.explanation ?? "",
          c.explainedBy ?? "",
          c.explainedAt ?? "",
        ]),
        next: undefined,
      };
    },
  });
});
