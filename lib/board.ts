import "server-only";
import { db } from "@/db";
import { branchJobs, openJobCount, type BranchJob } from "@/db/queries/branch-jobs";
import { branchStats, type BranchStats } from "@/db/queries/branch-stats";
import { listCardsToDestroy } from "@/db/queries/job-cancel";
import { notHandedOver, type NotHandedOverCard } from "@/db/queries/not-handed-over";
import { stationHealth } from "@/db/queries/station-health";
import { lowStockStations, type LowStockStation } from "@/db/queries/stock";
import { readStationHealth } from "@/lib/stations/health";

type Job = Omit<BranchJob, "createdAt" | "completedAt" | "canceledAt" | "producedAfterCancelAt"> & {
  createdAt: string;
  completedAt: string | null;
  canceledAt: string | null;
  producedAfterCancelAt: string | null;
};
export type UnclaimedCard = Omit<NotHandedOverCard, "producedAt"> & { producedAt: string };
/** The board as JSON: what the page renders first and what the board route returns. */
export type BoardData = {
  branchId: string;
  jobs: Job[];
  inProgress: number;
  stats: BranchStats;
  /** Produced, not handed over by the branch's closing time. */
  notHandedOver: UnclaimedCard[];
  /** Stations below their low-stock threshold (refetched with the board when cards end). */
  lowStock: LowStockStation[];
  at: string;
};

/** The board as the route sends it, so the page's first render and later refetches match. */
export async function loadBoard(branchId: string): Promise<BoardData> {
  const [jobs, inProgress, stats, unclaimed, lowStock] = await Promise.all([
    branchJobs({ db, branchId, limit: 50 }),
    openJobCount({ db, branchId }),
    branchStats({ db, branchId }),
    notHandedOver({ db, branchId }),
    lowStockStations({ db, branchId }),
  ]);
  const board = {
    branchId,
    jobs,
    inProgress,
    stats,
    notHandedOver: unclaimed,
    lowStock,
    at: new Date().toISOString(),
  };
  return JSON.parse(JSON.stringify(board)) as BoardData;
}

export async function loadStationHealth(branchId: string) {
  return { branchId, stations: readStationHealth(await stationHealth({ db, branchId })), at: new Date().toISOString() };
}

/** Cards printed after a cancel at the counter: the board lists them for destruction. */
export function loadCardsToDestroy(branchId: string) {
  return listCardsToDestroy({ db, branchId });
}
