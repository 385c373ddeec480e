// The reports' tables as CSV rows (header first): the page's tables, long format, with periods as
// 2026-11-30 or 2026-W49 and times in the branch's zone. lib/csv.ts quotes and guards each cell.
import type { BranchComparisonRow } from "@/db/queries/reports";
import type { CsvColumn } from "@/lib/csv-header";
import { formatDateTime } from "@/lib/datetime";
import type { ReportGrain } from "@/lib/validations/reports";
import type { BranchReport, ReportException } from "./load";
import { HANDLING_WORDS } from "./labels";
import { periodCode } from "./periods";
import type { Pivot } from "./pivot";

type Rows = unknown[][];
/** A table: its header as column ids (lib/csv-header.ts renders them per language), then its rows. */
export type CsvTable = { header: CsvColumn[]; rows: Rows };
const seconds = (v: number | null) => (v === null ? "" : Math.round(v));

function longFormat(table: Pivot, grain: ReportGrain, column: CsvColumn): CsvTable {
  const rows: Rows = [];
  table.periods.forEach((period, i) => {
    for (const r of table.rows) if (r.counts[i]) rows.push([periodCode(period, grain), period, r.label, r.counts[i]]);
  });
  return { header: [grain, "first_day", column, "cards"], rows };
}

const exceptionRow = (e: ReportException, timeZone: string) => [
  formatDateTime(e.completedAt, timeZone),
  HANDLING_WORDS[e.handling],
  e.words,
  e.code,
  e.product,
  e.station,
  e.teller,
  e.reference,
];

export type BranchTable = "teller" | "product" | "station" | "spoilage" | "time" | "exceptions";

/** A branch report's table; the exceptions' time column names the zone (`{zone}` in its header). */
export function branchReportCsv(report: BranchReport, table: BranchTable, timeZone: string): CsvTable {
  const { grain } = report;
  switch (table) {
    case "teller":
      return longFormat(report.byTeller, grain, "teller");
    case "product":
      return longFormat(report.byProduct, grain, "product");
    case "station":
      return longFormat(report.byStation, grain, "station");
    case "spoilage":
      return longFormat(report.spoilage, grain, "reason");
    case "time":
      return {
        header: [grain, "first_day", "cards", "median_seconds", "p90_seconds"],
        rows: [
          ...report.timeToCard.periods.map((t) => [
            periodCode(t.period!, grain),
            t.period,
            t.cards,
            seconds(t.medianSeconds),
            seconds(t.p90Seconds),
          ]),
          [
            "all",
            report.from,
            report.timeToCard.total.cards,
            seconds(report.timeToCard.total.medianSeconds),
            seconds(report.timeToCard.total.p90Seconds),
          ],
        ],
      };
    case "exceptions":
      return {
        header: ["failed_at", "status", "what_happened", "code", "product", "station", "teller", "reference"],
        rows: [
          ...report.needsAction.map((e) => exceptionRow(e, timeZone)),
          ...report.handled.map((e) => exceptionRow(e, timeZone)),
        ],
      };
  }
}

export function comparisonCsv(rows: BranchComparisonRow[]): CsvTable {
  return {
    header: [
      "branch_code",
      "branch",
      "time_zone",
      "cards_produced",
      "exceptions",
      "needs_action",
      "spoiled",
      "median_seconds",
      "p90_seconds",
    ],
    rows: rows.map((r) => [
      r.code,
      r.name,
      r.timezone,
      r.issued,
      r.exceptions,
      r.needsAction,
      r.spoiled,
      seconds(r.medianSeconds),
      seconds(r.p90Seconds),
    ]),
  };
}
