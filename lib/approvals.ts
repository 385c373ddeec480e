// The manager's approval queue as JSON: what the board and the approvals page render first and
// what the approvals route returns, so both renders match.
import "server-only";
import { db } from "@/db";
import { listAwaitingApproval, type AwaitingApproval } from "@/db/queries/approvals";

export type QueuedRequest = Omit<AwaitingApproval, "createdAt" | "decidedAt"> & {
  createdAt: string;
  decidedAt: string | null;
};
export type ApprovalQueueData = { branchId: string; requests: QueuedRequest[]; at: string };

/** `training`: the viewer's training state; a manager in training sees training requests only. */
export async function loadApprovalQueue(branchId: string, training: boolean): Promise<ApprovalQueueData> {
  const requests = await listAwaitingApproval({ db, branchId, training });
  return JSON.parse(JSON.stringify({ branchId, requests, at: new Date().toISOString() })) as ApprovalQueueData;
}
