// One-line hooks the code that does the work calls: counters and histograms only, no awaits and
// no I/O, so the receiver's hot path and the fan-out stay as they were. Label values are cut to a
// closed shape here, so nothing free-form (let alone card data) can become a series.
import { metrics } from "./registry";

/** D1's errorCode as a label: its documented shape (letters, digits, _ - .), else "other". */
export function errorCodeLabel(code: unknown): string {
  if (code === undefined || code === null || code === "") return "";
  return typeof code === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? code : "other";
}

/** One attempt at a D1 banking call: its HTTP status, or the transport failure's reason. */
export function observeD1Attempt(operation: string, status: number | string, d1ErrorCode: unknown, ms: number): void {
  const s = typeof status === "number" ? String(status) : errorCodeLabel(status) || "error";
  metrics.d1Requests.inc({ operation, status: s, d1_error_code: errorCodeLabel(d1ErrorCode) });
  metrics.d1RequestDuration.observe({ operation, status: s }, ms / 1000);
}

export function observeTokenFetch(outcome: "ok" | "refused" | "error", ms: number): void {
  metrics.d1TokenFetches.inc({ outcome });
  metrics.d1TokenDuration.observe(ms / 1000);
}

export function observeCardSystemCall(operation: string, outcome: "ok" | "error"): void {
  metrics.cardSystemRequests.inc({ operation, outcome });
}

export function countNotificationReceived(): void {
  metrics.notificationsReceived.inc();
}

/** `code`: our closed error code (lib/errors.ts), e.g. unauthorized:notification. */
export function countNotificationRefused(code: string): void {
  metrics.notificationsRefused.inc({ code });
}

/** What became of one accepted notification's operations. */
/** One notification request: its operations, and those that carry no status we apply. */
export function countNotificationOperations(n: { operations: number; ignored: number }): void {
  metrics.notificationBatchSize.observe(n.operations);
  if (n.ignored) metrics.notificationOperations.inc({ outcome: "ignored" }, n.ignored);
}

/**
 * One applying statement (lib/notifications/batcher.ts), which may carry the updates of several
 * requests: its totals are counted once here, never per request (each would count them all).
 */
export function countAppliedUpdates(n: {
  updates: number;
  recorded: number;
  applied: number;
  /** Updates for cards we do not know. */
  unknownUpdates: number;
}): void {
  const c = metrics.notificationOperations;
  if (n.applied) c.inc({ outcome: "applied" }, n.applied);
  if (n.recorded > n.applied) c.inc({ outcome: "late" }, n.recorded - n.applied);
  if (n.unknownUpdates) c.inc({ outcome: "unknown_card" }, n.unknownUpdates);
  const duplicate = n.updates - n.recorded - n.unknownUpdates;
  if (duplicate > 0) c.inc({ outcome: "duplicate" }, duplicate);
}

export function observeApplyBatch(notifications: number): void {
  metrics.notificationApplyBatch.observe(notifications);
}

export function observeTimeToCard(seconds: readonly number[]): void {
  for (const s of seconds) metrics.timeToCard.observe(s);
}

/** `startedAt`: performance.now() when the listener got the event. */
export function observeFanOut(startedAt: number): void {
  metrics.fanOutLag.observe((performance.now() - startedAt) / 1000);
}

export function countReconcilePass(r: { polled: number; requeued: number; applied: number; failed: number }): void {
  metrics.reconcileRuns.inc();
  for (const outcome of ["polled", "requeued", "applied", "failed"] as const)
    if (r[outcome]) metrics.reconcileJobs.inc({ outcome }, r[outcome]);
}
