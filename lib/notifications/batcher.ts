// Notifications that arrive while a statement is committing are applied together in the next
// one. Each job event NOTIFYs, and PostgreSQL serializes the commits of notifying transactions,
// so one commit per notification caps the receiver (≈2,400 tps here); one commit per batch does
// not. Nothing waits at low load: a lone notification is applied at once, alone.
import "server-only";
import { db } from "@/db";
import { applyD1StatusUpdates, type ApplyResult, type D1StatusUpdate } from "@/db/queries/job-updates";

const MAX_BATCH_UPDATES = 500;

type Waiting = { updates: D1StatusUpdate[]; resolve: (r: ApplyResult) => void; reject: (e: unknown) => void };

const queue: Waiting[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  try {
    while (queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (queue.length > 0 && (batch.length === 0 || size + queue[0]!.updates.length <= MAX_BATCH_UPDATES)) {
        const next = queue.shift()!;
        batch.push(next);
        size += next.updates.length;
      }
      try {
        const result = await applyD1StatusUpdates({ db, updates: batch.flatMap((w) => w.updates) });
        for (const w of batch) {
          const mine = new Set(w.updates.map((u) => u.cardId));
          w.resolve({ ...result, unknownCards: result.unknownCards.filter((c) => mine.has(c)) });
        }
      } catch (error) {
        // The whole statement rolled back: every caller answers 5xx and D1 sends again.
        for (const w of batch) w.reject(error);
      }
    }
  } finally {
    running = false;
  }
}

/** Applies the updates (with any others arriving meanwhile) and resolves after the commit. */
export function applyBatched(updates: D1StatusUpdate[]): Promise<ApplyResult> {
  if (updates.length === 0) return Promise.resolve({ recorded: 0, applied: 0, unknownCards: [] });
  return new Promise((resolve, reject) => {
    queue.push({ updates, resolve, reject });
    if (!running) void drain();
  });
}
