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

export async function loadApprovalQueue(branchId: string): Promise<ApprovalQueueData> {
  const requests = await listAwaitingApproval({ db, branchId });
  return JSON.parse(JSON.stringify({ branchId, requests, at: new Date().toISOString() })) as ApprovalQueueData;
}
