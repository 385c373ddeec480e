// Gauges read when Prometheus scrapes, not kept up to date by the code that changes them: the
// card requests and the worker queue live in the database (every instance writes them, the
// receiver in SQL), the pool and the open streams in this process. The database reads are one
// cached round of three small aggregates, so scrapes from several Prometheus servers, or a short
// interval, never hammer the database.
import "server-only";
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import client from "prom-client";
import { db, pool } from "@/db";
import {
  cardRequestCounts,
  oldestOpenRequests,
  workerQueue,
  type CardRequestRow,
  type OldestOpenRow,
  type QueueRow,
} from "@/db/queries/metrics";
import { env } from "@/lib/env";
import { eventHub } from "@/lib/events/listener";
import { log } from "@/lib/log";
import { PREFIX, type Metrics } from "./registry";
import { serverCertificates } from "./tls-peers";

/** How long one read of the database's figures serves scrapes. */
export const DATABASE_CACHE_MS = 10_000;
const CERT_CACHE_MS = 60_000;

type DbFigures = { requests: CardRequestRow[]; oldest: OldestOpenRow[]; queue: QueueRow[] };
let cached: { at: number; figures: Promise<DbFigures | null> } | undefined;

function dbFigures(now = Date.now()): Promise<DbFigures | null> {
  if (cached && now - cached.at < DATABASE_CACHE_MS) return cached.figures;
  const figures = Promise.all([cardRequestCounts({ db }), oldestOpenRequests({ db }), workerQueue({ db })])
    .then(([requests, oldest, queue]) => ({ requests, oldest, queue }))
    .catch((err: unknown) => {
      // A scrape still answers (process and pool figures) while the database is away.
      log.warn({ err }, "metrics: could not read the database figures");
      return null;
    });
  cached = { at: now, figures };
  return figures;
}

/** Forget the cached database figures (tests: see a change at once). */
export function resetMetricsCache(): void {
  cached = undefined;
}

let certs: { at: number; value: Array<{ certificate: string; notAfter: number }> } | undefined;
function clientCertificates(now = Date.now()) {
  if (certs && now - certs.at < CERT_CACHE_MS) return certs.value;
  const files = { d1_client: env.D1_TLS_CERT_FILE, card_system_client: env.CARD_SYSTEM_TLS_CERT_FILE };
  const value: Array<{ certificate: string; notAfter: number }> = [];
  for (const [certificate, file] of Object.entries(files)) {
    if (!file) continue;
    try {
      value.push({ certificate, notAfter: Date.parse(new X509Certificate(readFileSync(file)).validTo) / 1000 });
    } catch (err) {
      log.warn({ err, certificate }, "metrics: could not read a certificate file");
    }
  }
  certs = { at: now, value };
  return value;
}

export function installCollectors(registry: Metrics["registry"]): void {
  const registers = [registry];
  new client.Gauge({
    name: `${PREFIX}card_requests`,
    help: "Card requests by state, product (D1 card product id), branch code and station: every open request and those finished in the last 24 hours. The same on every instance: aggregate with max, not sum.",
    labelNames: ["state", "product", "branch", "station"] as const,
    registers,
    async collect() {
      this.reset();
      for (const { n, ...labels } of (await dbFigures())?.requests ?? []) this.set(labels, n);
    },
  });
  new client.Gauge({
    name: `${PREFIX}card_requests_oldest_open_seconds`,
    help: "Age of the oldest open card request in each state (not counting those awaiting a manager's approval).",
    labelNames: ["state"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of (await dbFigures())?.oldest ?? []) this.set({ state: r.state }, r.seconds);
    },
  });
  new client.Gauge({
    name: `${PREFIX}worker_jobs`,
    help: "Jobs in the durable queue (graphile-worker) by task and state: ready, scheduled, running, failed.",
    labelNames: ["task", "state"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of (await dbFigures())?.queue ?? []) this.set({ task: r.task, state: r.state }, r.n);
    },
  });
  new client.Gauge({
    name: `${PREFIX}worker_job_oldest_seconds`,
    help: "Age of the oldest queued job by task and state, from when it became due (negative: scheduled for later).",
    labelNames: ["task", "state"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of (await dbFigures())?.queue ?? [])
        if (r.oldest_seconds !== null) this.set({ task: r.task, state: r.state }, r.oldest_seconds);
    },
  });
  new client.Gauge({
    name: `${PREFIX}db_pool_connections`,
    help: "This instance's database pool connections, by state: in_use, idle.",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const p = pool();
      this.set({ state: "in_use" }, p.totalCount - p.idleCount);
      this.set({ state: "idle" }, p.idleCount);
    },
  });
  new client.Gauge({
    name: `${PREFIX}db_pool_waiting_requests`,
    help: "Queries waiting for a free connection of this instance's pool.",
    registers,
    collect() {
      this.set(pool().waitingCount);
    },
  });
  new client.Gauge({
    name: `${PREFIX}event_streams_open`,
    help: "Event streams (server-sent events) open on this instance.",
    registers,
    collect() {
      this.set(eventHub.subscriberCount);
    },
  });
  new client.Gauge({
    name: `${PREFIX}tls_certificate_not_after_seconds`,
    help: "When a certificate expires (Unix time): our client certificates (d1_client, card_system_client) and each TLS server this instance connected to (server, by host).",
    labelNames: ["certificate", "host"] as const,
    registers,
    collect() {
      this.reset();
      for (const c of clientCertificates()) this.set({ certificate: c.certificate, host: "" }, c.notAfter);
      for (const [host, notAfter] of serverCertificates()) this.set({ certificate: "server", host }, notAfter);
    },
  });
}
