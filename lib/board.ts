import "server-only";
import { db } from "@/db";
import { branchJobs, openJobCount, type BranchJob } from "@/db/queries/branch-jobs";
import { branchStats, type BranchStats } from "@/db/queries/branch-stats";
import { stationHealth } from "@/db/queries/station-health";
import { readStationHealth } from "@/lib/stations/health";

type Job = Omit<BranchJob, "createdAt" | "completedAt"> & { createdAt: string; completedAt: string | null };
/** The board as JSON: what the page renders first and what the board route returns. */
export type BoardData = { branchId: string; jobs: Job[]; inProgress: number; stats: BranchStats; at: string };

/** The board as the route sends it, so the page's first render and later refetches match. */
export async function loadBoard(branchId: string): Promise<BoardData> {
  const [jobs, inProgress, stats] = await Promise.all([
    branchJobs({ db, branchId, limit: 50 }),
    openJobCount({ db, branchId }),
    branchStats({ db, branchId }),
  ]);
  return JSON.parse(JSON.stringify({ branchId, jobs, inProgress, stats, at: new Date().toISOString() })) as BoardData;
}

export async function loadStationHealth(branchId: string) {
  return { branchId, stations: readStationHealth(await stationHealth({ db, branchId })), at: new Date().toISOString() };
}
