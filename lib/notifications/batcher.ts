// Notifications that arrive while a statement is committing are applied together in the next
// one. Each job event NOTIFYs, and PostgreSQL serializes the commits of notifying transactions,
// so one commit per notification caps the receiver (≈2,400 tps here); one commit per batch does
// not. Nothing waits at low load: a lone notification is applied at once, alone.
// Each notification is validated before it joins (lib/validations/notification.ts); should a
// shared statement still fail, each notification is applied again on its own, so one bad
// notification can never fail the others (D1 would otherwise resend all of them, for ever).
import "server-only";
import { db } from "@/db";
import { applyD1StatusUpdates, type ApplyResult, type D1StatusUpdate } from "@/db/queries/job-updates";
import { isDatabaseUnavailable } from "@/db/queries/pg-error";
import { countAppliedUpdates, observeApplyBatch, observeTimeToCard } from "@/lib/metrics/hooks";

const MAX_BATCH_UPDATES = 500;

type Waiting = { updates: D1StatusUpdate[]; resolve: (r: ApplyResult) => void; reject: (e: unknown) => void };

const queue: Waiting[] = [];
let running = false;

function settle(batch: Waiting[], result: ApplyResult) {
  observeApplyBatch(batch.length);
  const updates = batch.flatMap((w) => w.updates);
  const unknown = new Set(result.unknownCards);
  countAppliedUpdates({
    updates: updates.length,
    recorded: result.recorded,
    applied: result.applied,
    unknownUpdates: unknown.size ? updates.filter((u) => unknown.has(u.cardId)).length : 0,
  });
  observeTimeToCard(result.changed?.flatMap((c) => (c.secondsToCard === null ? [] : [c.secondsToCard])) ?? []);
  for (const w of batch) {
    const mine = new Set(w.updates.map((u) => u.cardId));
    w.resolve({
      ...result,
      unknownCards: result.unknownCards.filter((c) => mine.has(c)),
      changed: result.changed?.filter((c) => mine.has(c.cardId)),
    });
  }
}

async function apply(batch: Waiting[]): Promise<void> {
  try {
    settle(batch, await applyD1StatusUpdates({ db, updates: batch.flatMap((w) => w.updates) }));
  } catch (error) {
    // A lost database fails every one alike; otherwise find the culprit by applying each alone.
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) await apply([w]);
  }
}

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
      await apply(batch);
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
