// A station's health in the words the counter and the manager see, from the facts the health
// query gathers (db/queries/station-health.ts). A station whose latest failed card failed at the
// station itself (jam, stock, offline, chip) after its last good card is "likely unavailable"
// until a later card succeeds there or the manager enables it again. Runs on the server only;
// the browser receives the result.
import type { StationHealthRow, StationPickRow, TestPrint } from "@/db/queries/station-health";
import { FAILED_STATES } from "@/lib/vocabulary";
import { heldReason, type HeldReason } from "@/lib/issuance/error-codes";
import { STATION_PROBLEMS, exceptionsInWords, problemKind, type ProblemKind } from "@/lib/issuance/station-problems";

/** Exceptions of one kind (the screen says it: Vocab.problem), never a raw code. */
export type ExceptionCount = { kind: ProblemKind; count: number };

export type StationProblem = { kind: ProblemKind; at: string };

/** ready: nothing against it; likely_unavailable: its last card failed there; disabled: by the manager. */
export type StationAvailability = "ready" | "likely_unavailable" | "disabled";

/**
 * The station's latest test card as a message key (Stations.testPrint.*) with its values: where it
 * is, or why it failed (then it may be sent again). `problem`: the failure's kind (Vocab.problem).
 */
export type TestPrintKey =
  "sending" | "accepted" | "printing" | "produced" | "inProgress" | "failed" | "failedNotAccepted";
export type TestPrintProgress = {
  jobId: string;
  key: TestPrintKey;
  /** Why a card is held before D1 took it (no blank cards, D1 unreachable): Stations.testPrint.held.* */
  held: HeldReason | null;
  problem: ProblemKind | null;
  failed: boolean;
  done: boolean;
  at: string;
};

type Read = {
  availability: StationAvailability;
  /** The latest failed card at this station (any reason), in plain words. */
  lastProblem: StationProblem | null;
  /** The earliest day whose end-of-day difference here is still unexplained: no card until it is (lib/stock/count-block.ts). */
  unbalancedSince?: string | null;
};

const TEST_PRINT_KEY: Partial<Record<TestPrint["state"], TestPrintKey>> = {
  submitting: "sending",
  requested: "accepted",
  ready: "printing",
  done: "produced",
};

export function testPrintProgress(print: TestPrint | null): TestPrintProgress | null {
  if (!print) return null;
  const failed = FAILED_STATES.includes(print.state) || print.state === "canceled";
  const base = { jobId: print.jobId, failed, done: print.state === "done", at: print.at, held: null, problem: null };
  if (failed) {
    const problem = problemKind(print);
    // "order not accepted by D1" is what a mistyped station id looks like from here.
    return { ...base, problem, key: problem === "not_accepted" ? "failedNotAccepted" : "failed" };
  }
  // Held or retried before D1 took it (no blank cards, D1 unreachable): the reason follows, as a
  // code the screen puts into the reader's words (the stored English stays in the job's events).
  const held = print.state === "submitting" ? heldReason(print.errorCode) : null;
  return { ...base, held, key: TEST_PRINT_KEY[print.state] ?? "inProgress" };
}

/** A station as the teller's picker and retry list show it (db/queries/station-health.ts stationPicks). */
export type StationPick = Omit<StationPickRow, "clearedAt" | "lastFailure"> & Read;

/** A station as the manager's stations page shows it: the picker's facts, its test card and more. */
export type StationHealth = Omit<StationHealthRow, "clearedAt" | "lastFailure" | "exceptions" | "testPrint"> &
  Read & { exceptionsLastHour: ExceptionCount[]; testPrint: TestPrintProgress | null };

export function toStationHealth({ exceptions, testPrint, ...row }: StationHealthRow): StationHealth {
  return {
    ...toStationPick(row),
    testPrint: testPrintProgress(testPrint),
    // The board's grouping (same words, most frequent first), without the raw codes.
    exceptionsLastHour: exceptionsInWords(exceptions).map(({ kind, count }) => ({ kind, count })),
  };
}

export function toStationPick<R extends StationPickRow>({
  clearedAt,
  lastFailure,
  ...row
}: R): Omit<R, "clearedAt" | "lastFailure"> & Read {
  const { lastSuccessAt } = row;
  const lastProblem = lastFailure ? { kind: problemKind(lastFailure), at: lastFailure.at } : null;
  const after = (a: string, b: string | null) => b === null || Date.parse(a) > Date.parse(b);
  const unavailable =
    lastProblem !== null &&
    STATION_PROBLEMS.includes(lastProblem.kind) &&
    after(lastProblem.at, lastSuccessAt) &&
    after(lastProblem.at, clearedAt);
  return {
    ...row,
    lastProblem,
    availability: !row.enabled ? "disabled" : unavailable ? "likely_unavailable" : "ready",
  };
}

const RANK: Record<StationAvailability, number> = { ready: 0, likely_unavailable: 1, disabled: 2 };

/** Healthy stations first (the default leading them), then the likely unavailable, then disabled ones. */
export function orderByHealth<T extends Pick<StationHealth, "availability" | "isDefault">>(stations: T[]): T[] {
  return stations
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        RANK[a.s.availability] - RANK[b.s.availability] || Number(b.s.isDefault) - Number(a.s.isDefault) || a.i - b.i,
    )
    .map(({ s }) => s);
}

/** The stations of a query, read and ordered: healthy first. */
export const readStationHealth = (rows: StationHealthRow[]) => orderByHealth(rows.map(toStationHealth));

/**
 * The teller's stations, read and ordered as the manager's page orders them: healthy first, and
 * stations held by an unexplained end-of-day difference after the others.
 */
export function readStationPicks<R extends StationPickRow & { unbalancedSince: string | null }>(rows: R[]) {
  const held = (s: { unbalancedSince: string | null }) => Number(s.unbalancedSince !== null);
  return orderByHealth(rows.map((r) => toStationPick(r))).sort((a, b) => held(a) - held(b));
}
