// A branch's report as the page shows it and the CSV writes it: the queries of
// db/queries/reports.ts over one range, shaped into tables with every period present.
import "server-only";
import { db } from "@/db";
import {
  branchComparison,
  cardsIssued,
  exceptionsInRange,
  spoilageByReason,
  timeToCard,
  type ExceptionRow,
  type TimeToCardRow,
} from "@/db/queries/reports";
import { capitalisedIn } from "@/lib/capitalised";
import { problemCode, problemKind, PROBLEM_LABEL, type ProblemKind } from "@/lib/issuance/station-problems";
import type { ReportGrain } from "@/lib/validations/reports";
import { spoilReasonWords } from "./labels";
import { periodsOf } from "./periods";
import { pivot, type Pivot } from "./pivot";

export type ReportRange = { from: string; to: string; grain: ReportGrain };
/**
 * A failed request: its kind (the screen says it in the user's language, Vocab.problem), the
 * English words (the CSV) and its raw code beside them.
 */
export type ReportException = ExceptionRow & { kind: ProblemKind; words: string; code: string };

export type BranchReport = ReportRange & {
  byTeller: Pivot;
  byProduct: Pivot;
  byStation: Pivot;
  spoilage: Pivot;
  /** One row per period (zeros included), then the whole range. */
  timeToCard: { periods: TimeToCardRow[]; total: TimeToCardRow };
  needsAction: ReportException[];
  handled: ReportException[];
};

const inWords = (e: ExceptionRow): ReportException => {
  const kind = problemKind(e);
  return { ...e, kind, words: capitalisedIn(PROBLEM_LABEL[kind], "en"), code: problemCode(e) };
};

export async function loadBranchReport(branchId: string, range: ReportRange): Promise<BranchReport> {
  const q = { db, branchId, ...range };
  const [teller, product, station, spoiled, times, exceptions] = await Promise.all([
    cardsIssued({ ...q, by: "teller" }),
    cardsIssued({ ...q, by: "product" }),
    cardsIssued({ ...q, by: "station" }),
    spoilageByReason(q),
    timeToCard(q),
    exceptionsInRange(q),
  ]);
  const periods = periodsOf(range.from, range.to, range.grain);
  const empty = (period: string | null): TimeToCardRow => ({ period, cards: 0, medianSeconds: null, p90Seconds: null });
  const words = exceptions.map(inWords);
  return {
    ...range,
    byTeller: pivot(teller, periods),
    byProduct: pivot(product, periods),
    byStation: pivot(station, periods),
    spoilage: pivot(
      spoiled.map((s) => ({ ...s, key: s.reason ?? "none", label: spoilReasonWords(s.reason) })),
      periods,
    ),
    timeToCard: {
      periods: periods.map((p) => times.find((t) => t.period === p) ?? empty(p)),
      total: times.find((t) => t.period === null) ?? empty(null),
    },
    needsAction: words.filter((e) => e.handling === "needs_action"),
    handled: words.filter((e) => e.handling !== "needs_action"),
  };
}

export function loadBranchComparison(range: Pick<ReportRange, "from" | "to">) {
  return branchComparison({ db, ...range });
}
