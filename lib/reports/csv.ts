// The reports' tables as CSV rows (header first): the page's tables, long format, with periods as
// 2026-11-30 or 2026-W49 and times in the branch's zone. lib/csv.ts quotes and guards each cell.
import type { BranchComparisonRow } from "@/db/queries/reports";
import { formatDateTime } from "@/lib/datetime";
import type { ReportGrain } from "@/lib/validations/reports";
import type { BranchReport, ReportException } from "./load";
import { HANDLING_WORDS } from "./labels";
import { periodCode } from "./periods";
import type { Pivot } from "./pivot";

type Rows = unknown[][];
const seconds = (v: number | null) => (v === null ? "" : Math.round(v));

function longFormat(table: Pivot, grain: ReportGrain, column: string): Rows {
  const rows: Rows = [[grain, "first_day", column, "cards"]];
  table.periods.forEach((period, i) => {
    for (const r of table.rows) if (r.counts[i]) rows.push([periodCode(period, grain), period, r.label, r.counts[i]]);
  });
  return rows;
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

export function branchReportCsv(report: BranchReport, table: BranchTable, timeZone: string): Rows {
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
      return [
        [grain, "first_day", "cards", "median_seconds", "p90_seconds"],
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
      ];
    case "exceptions":
      return [
        [`failed_at (${timeZone})`, "status", "what_happened", "code", "product", "station", "teller", "reference"],
        ...report.needsAction.map((e) => exceptionRow(e, timeZone)),
        ...report.handled.map((e) => exceptionRow(e, timeZone)),
      ];
  }
}

export function comparisonCsv(rows: BranchComparisonRow[]): Rows {
  return [
    [
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
    ...rows.map((r) => [
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
  ];
}
