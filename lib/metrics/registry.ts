// The process's Prometheus registry and every metric the app exports. Kept on globalThis: Next.js
// loads instrumentation.ts and the route handlers in separate bundles, and both must count into
// the same registry (as with the database pool). Labels are closed vocabularies or configuration
// (operation, state, product code, branch code, station label): never card data, customer
// names or ids a customer could be found by.
import { hostname } from "node:os";
import client from "prom-client";
import { env } from "@/lib/env";
import { watchTlsPeers } from "./tls-peers";

/** Metric names start with this (Prometheus: one prefix per application). */
export const PREFIX = "bii_";

const TIME_TO_CARD_BUCKETS = [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1800, 3600];
const CALL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LAG_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

function build(instance: string) {
  const registry = new client.Registry();
  // `instance` itself is the label Prometheus gives each scrape target; ours says which app
  // instance answered when several sit behind one address.
  registry.setDefaultLabels({ app_instance: instance });
  client.collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  watchTlsPeers();
  return {
    registry,
    d1Requests: new client.Counter({
      name: `${PREFIX}d1_requests_total`,
      help: "Attempts at D1 banking calls, by operation, HTTP status (or transport failure) and D1 errorCode.",
      labelNames: ["operation", "status", "d1_error_code"] as const,
      registers,
    }),
    d1RequestDuration: new client.Histogram({
      name: `${PREFIX}d1_request_duration_seconds`,
      help: "Duration of one attempt at a D1 banking call.",
      labelNames: ["operation", "status"] as const,
      buckets: CALL_BUCKETS,
      registers,
    }),
    d1TokenFetches: new client.Counter({
      name: `${PREFIX}d1_token_fetches_total`,
      help: "Access tokens fetched from D1 (E1), by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    d1TokenDuration: new client.Histogram({
      name: `${PREFIX}d1_token_fetch_duration_seconds`,
      help: "Duration of a D1 token fetch.",
      buckets: CALL_BUCKETS,
      registers,
    }),
    cardSystemRequests: new client.Counter({
      name: `${PREFIX}card_system_requests_total`,
      help: "Calls to the bank's card system, by operation and outcome.",
      labelNames: ["operation", "outcome"] as const,
      registers,
    }),
    notificationsReceived: new client.Counter({
      name: `${PREFIX}notifications_received_total`,
      help: "D1 notification calls (E5) that reached the receiver.",
      registers,
    }),
    notificationsRefused: new client.Counter({
      name: `${PREFIX}notifications_refused_total`,
      help: "D1 notification calls answered with an error, by error code.",
      labelNames: ["code"] as const,
      registers,
    }),
    notificationOperations: new client.Counter({
      name: `${PREFIX}notification_operations_total`,
      help: "Operations in accepted D1 notifications: applied (moved a job), duplicate (seen before), late (recorded, no move), unknown_card, ignored (not a production status).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    notificationBatchSize: new client.Histogram({
      name: `${PREFIX}notification_batch_operations`,
      help: "Operations per D1 notification call.",
      buckets: SIZE_BUCKETS,
      registers,
    }),
    notificationApplyBatch: new client.Histogram({
      name: `${PREFIX}notification_apply_batch_notifications`,
      help: "Notification calls applied together in one database statement (lib/notifications/batcher.ts).",
      buckets: SIZE_BUCKETS,
      registers,
    }),
    timeToCard: new client.Histogram({
      name: `${PREFIX}time_to_card_seconds`,
      help: "From the teller's request to D1's final 'done', for cards completed by this instance.",
      buckets: TIME_TO_CARD_BUCKETS,
      registers,
    }),
    fanOutLag: new client.Histogram({
      name: `${PREFIX}event_fanout_lag_seconds`,
      help: "From this instance's LISTEN connection receiving a job event to its frame being written to every open stream of the branch.",
      buckets: LAG_BUCKETS,
      registers,
    }),
    reconcileJobs: new client.Counter({
      name: `${PREFIX}reconcile_jobs_total`,
      help: "Jobs handled by reconciliation passes, by outcome: polled (asked D1, E3), requeued, applied, failed.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    reconcileRuns: new client.Counter({
      name: `${PREFIX}reconcile_runs_total`,
      help: "Reconciliation passes run by this instance.",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const holder = globalThis as unknown as { __bii_metrics?: Metrics };

/** The instance name on every series: APP_INSTANCE when set, else the host name. */
export function instanceName(configured: string | undefined): string {
  return configured?.trim() || hostname();
}

export const metrics: Metrics = (holder.__bii_metrics ??= build(instanceName(env.APP_INSTANCE)));
