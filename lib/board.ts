import "server-only";
import { db } from "@/db";
import { branchJobs, openJobCount, type BranchJob } from "@/db/queries/branch-jobs";
import { branchStats, type BranchStats } from "@/db/queries/branch-stats";
import { listCardsToDestroy } from "@/db/queries/job-cancel";
import { notHandedOver, type NotHandedOverCard } from "@/db/queries/not-handed-over";
import { findActiveTestProduct } from "@/db/queries/products";
import { stationHealth, stationPicks } from "@/db/queries/station-health";
import { lowStockStations, type LowStockStation } from "@/db/queries/stock";
import { exceptionsInWords, type ReasonCount } from "@/lib/issuance/station-problems";
import { listCounts, type CountRecord } from "@/db/queries/stock-count-history";
import { readStationHealth, readStationPicks } from "@/lib/stations/health";
import { unbalancedByStation } from "@/lib/stock/count-block";

type Job = Omit<BranchJob, "createdAt" | "completedAt" | "canceledAt" | "producedAfterCancelAt"> & {
  createdAt: string;
  completedAt: string | null;
  canceledAt: string | null;
  producedAfterCancelAt: string | null;
};
type Period<P> = Omit<P, "byReason"> & { byReason: ReasonCount[] };
/** The board's numbers with exceptions in plain words, the raw codes kept for a tooltip. */
export type BoardStats = Omit<BranchStats, "today" | "week"> & {
  today: Period<BranchStats["today"]>;
  week: Period<BranchStats["week"]>;
};
export type { CountRecord };
export type UnclaimedCard = Omit<NotHandedOverCard, "producedAt"> & { producedAt: string };
/** The board as JSON: what the page renders first and what the board route returns. */
export type BoardData = {
  branchId: string;
  jobs: Job[];
  inProgress: number;
  stats: BoardStats;
  /** Produced, not handed over by the branch's closing time. */
  notHandedOver: UnclaimedCard[];
  /** Stations below their low-stock threshold (refetched with the board when cards end). */
  lowStock: LowStockStation[];
  /** End-of-day counts whose difference no manager has explained yet. */
  countDifferences: CountRecord[];
  at: string;
};

/**
 * The board as the route sends it, so the page's first render and later refetches match. Jobs of
 * the viewer's kind only: a manager in training sees the training board (docs/training.md).
 */
export async function loadBoard(branchId: string, training: boolean): Promise<BoardData> {
  const [jobs, inProgress, stats, unclaimed, countDifferences, lowStock] = await Promise.all([
    branchJobs({ db, branchId, limit: 50, training }),
    openJobCount({ db, branchId, training }),
    branchStats({ db, branchId, training }),
    notHandedOver({ db, branchId, training }),
    listCounts({ db, branchId, unexplained: true, limit: 50 }),
    lowStockStations({ db, branchId }),
  ]);
  const words: BoardStats = {
    ...stats,
    today: { ...stats.today, byReason: exceptionsInWords(stats.today.byReason) },
    week: { ...stats.week, byReason: exceptionsInWords(stats.week.byReason) },
  };
  const board = {
    branchId,
    jobs,
    inProgress,
    stats: words,
    notHandedOver: unclaimed,
    countDifferences,
    lowStock,
    at: new Date().toISOString(),
  };
  return JSON.parse(JSON.stringify(board)) as BoardData;
}

/** Each station's health, with the end-of-day difference that holds it; held stations after the others. */
export async function loadStationHealth(branchId: string, training: boolean) {
  const [rows, unbalanced] = await Promise.all([
    stationHealth({ db, branchId, training }),
    unbalancedByStation(branchId),
  ]);
  const stations = readStationHealth(rows).map((s) => ({ ...s, unbalancedSince: unbalanced.get(s.id) ?? null }));
  const held = (s: (typeof stations)[number]) => Number(s.unbalancedSince !== null);
  // Where the bank has a test product, a new station's setup row offers "Print test card".
  const testProduct = await findActiveTestProduct({ db });
  return {
    branchId,
    stations: stations.sort((a, b) => held(a) - held(b)),
    testProduct,
    at: new Date().toISOString(),
  };
}

/**
 * The branch's enabled stations for the teller's picker and retry list, in one query: what
 * loadStationHealth gives for them, without the manager's figures. Refetched at every card that
 * starts or ends and every stock change, so it stays cheap.
 */
export async function loadStationPicks(branchId: string, training: boolean) {
  return { stations: readStationPicks(await stationPicks({ db, branchId, training })), at: new Date().toISOString() };
}

/** Cards printed after a cancel at the counter, of the viewer's kind: the board lists them for destruction. */
export function loadCardsToDestroy(branchId: string, training: boolean) {
  return listCardsToDestroy({ db, branchId, training });
}
