import type { D1StatusUpdate } from "@/db/queries/job-updates";
import { stateForD1Status } from "@/lib/issuance/states";

type Operation = {
  operationId: string;
  operation: string;
  cardId?: string;
  startTime?: string;
  endTime?: string;
  details?: { status?: string; reason?: string };
  errorCode?: string;
  error?: string;
};

/** PRODUCE operations with a details.status become job updates; everything else is ignored. */
export function toStatusUpdates(operations: Operation[]): { updates: D1StatusUpdate[]; ignored: number } {
  const updates: D1StatusUpdate[] = [];
  for (const op of operations) {
    const d1Status = op.details?.status;
    if (op.operation !== "PRODUCE" || !d1Status || !op.cardId) continue;
    updates.push({
      cardId: op.cardId,
      operationId: op.operationId,
      d1Status,
      newState: stateForD1Status(d1Status),
      reason: op.details?.reason ?? null,
      errorCode: op.errorCode ?? null,
      error: op.error ?? null,
      at: op.endTime ?? op.startTime ?? null,
    });
  }
  return { updates, ignored: operations.length - updates.length };
}
