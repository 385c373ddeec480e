// What a run stands on: an embedded PostgreSQL in a temp dir, the migrated and seeded database,
// the D1 simulator (in this process, so its request log can be read) and app instances started
// with `next start` on a production build. Ports stay clear of npm start (3000, 8443, 8444,
// 54329) and the e2e suite (3100, 3443, 3444).
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { pino } from "pino";
import { createDb, createPool, type Database } from "../../db/client.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { seedCustomers, seedDemo } from "../../db/seed.ts";
import { freePort } from "../../db/testing/database.ts";
import { ensureBuild } from "../../scripts/lib/build.ts";
import { ROOT } from "../../scripts/lib/local.ts";
import { d1EnvFor, SIM_ISSUER_ID, SIM_NOTIFY_CLIENT_ID } from "../../scripts/lib/simulator.ts";
import { ensureDevPki } from "../../sim/pki.ts";
import { startSimulator, type RunningSimulator } from "../../sim/server.ts";
import { onCleanup } from "./cleanup";
import { groupRssMB, startProcess, waitForHttp, type Proc } from "./procs";

// Not 4190: it is on the fetch standard's list of blocked ports ("bad port").
export const PORTS = { app: 4100, app2: 4101, relay: 4180, bareNext: 4210, sim: 4443, simAdmin: 4444 } as const;
export const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-00";
export const NOTIFY_SECRET = randomBytes(24).toString("base64url");

export const say = (line: string) => console.log(`[bench] ${line}`);

export type Db = { url: string; serverUrl: string; port: number; pool: pg.Pool; db: Database; version: string };

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bii-bench-"));
  // PostgreSQL runs as the postgres user when we are root: it must be able to reach its folder.
  chmodSync(dir, 0o755);
  onCleanup("temp dir", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startDatabase(dir: string): Promise<Db> {
  const port = await freePort();
  say(`starting PostgreSQL on 127.0.0.1:${port} in ${dir}`);
  const server: EmbeddedServer = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port, persistent: false });
  onCleanup("postgres", () => server.stop());
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  const version = ((await admin.query<{ v: string }>("select version() as v")).rows[0]?.v ?? "").split(" on ")[0] ?? "";
  await admin.end();
  const url = server.url("bench");
  await migrateDatabase(url);
  const pool = createPool(url, 4);
  onCleanup("bench pool", () => pool.end());
  const db = createDb(pool);
  await seedDemo(db);
  return { url, serverUrl: server.url("postgres"), port, pool, db, version };
}

/** Tops customers up to `total` with the app's own SQL generator, then refreshes statistics. */
export async function ensureCustomers(database: Db, total: number): Promise<void> {
  const { rows } = await database.pool.query<{ n: number }>("select count(*)::int as n from customers");
  if ((rows[0]?.n ?? 0) >= total) return;
  const started = performance.now();
  say(`seeding ${total.toLocaleString("en")} customers…`);
  await seedCustomers(database.db, total, (n) => {
    if (n % 200_000 === 0) say(`  ${n.toLocaleString("en")} customers`);
  });
  await database.pool.query("vacuum analyze customers");
  await database.pool.query("vacuum analyze accounts");
  say(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export type OrderArrival = { cardId: string; arrivedAt: number };
export type Sim = { sim: RunningSimulator; appEnv: Record<string, string>; arrivals: Map<string, number> };

/**
 * The simulator with a logger that records when each order request arrived: its debug "request"
 * line carries the URL (with the cardId) and the handler's own duration, so arrival = time − ms.
 */
export async function startSim(dir: string, appUrl: string): Promise<Sim> {
  const pki = await ensureDevPki({ dir: path.join(dir, "pki"), issuerId: SIM_ISSUER_ID });
  const arrivals = new Map<string, number>();
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.includes('"msg":"request"') || !line.includes("operations")) continue;
        try {
          const entry = JSON.parse(line) as { time: number; ms: number; url: string };
          const cardId = /physicalCards\/([^/]+)\/operations/.exec(entry.url)?.[1];
          if (cardId) arrivals.set(decodeURIComponent(cardId), entry.time - entry.ms);
        } catch {}
      }
      done();
    },
  });
  const sim = await startSimulator({
    pki,
    issuerId: SIM_ISSUER_ID,
    port: PORTS.sim,
    adminPort: PORTS.simAdmin,
    // Quick stations so the cards of the issuance benchmark finish while it runs.
    timings: { readyMs: 300, doneMs: 900, offlineTimeoutMs: 1500 },
    notify: {
      baseUrl: appUrl,
      tokenUrl: `${appUrl}/authz/d1/v1/oauth2/token`,
      clientId: SIM_NOTIFY_CLIENT_ID,
      clientSecret: NOTIFY_SECRET,
      baseDelayMs: 200,
    },
    logger: pino({ level: "debug", base: { service: "d1-simulator" } }, sink),
  });
  onCleanup("simulator", () => sim.stop());
  const appEnv = {
    ...d1EnvFor(pki, sim),
    D1_NOTIFY_CLIENT_ID: SIM_NOTIFY_CLIENT_ID,
    D1_NOTIFY_CLIENT_SECRET: NOTIFY_SECRET,
  };
  return { sim, appEnv, arrivals };
}

let snapshot: string | null = null;

/** Where the app under test runs from: the run's private copy of the build (see buildApp). */
export const appDir = (): string => snapshot ?? ROOT;

/**
 * Builds if stale, then runs the app from a private copy of the build in the run's temp dir:
 * other engineers' `next build` on this machine replaces .next in place, which would pull the
 * files from under a running benchmark. The copy holds .next (without its cache), the config
 * with lib/ (which the config imports), public/ and a link to node_modules — 40 MB, a second.
 */
export function buildApp(dir: string): void {
  say("checking the production build (next build if the sources changed)…");
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    if (!ensureBuild((line) => say(line))) throw new Error("next build failed");
    const target = path.join(dir, "app");
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const buildId = readFileSync(path.join(ROOT, ".next/BUILD_ID"), "utf8");
    cpSync(path.join(ROOT, ".next"), path.join(target, ".next"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => !src.startsWith(path.join(ROOT, ".next/cache")),
    });
    // next.config.mjs imports modules from lib/ with plain Node (relative paths): take all of lib/.
    for (const file of ["next.config.mjs", "package.json"]) cpSync(path.join(ROOT, file), path.join(target, file));
    cpSync(path.join(ROOT, "lib"), path.join(target, "lib"), { recursive: true });
    cpSync(path.join(ROOT, "public"), path.join(target, "public"), { recursive: true });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(target, "node_modules"));
    const copied = path.join(target, ".next/BUILD_ID");
    const whole =
      existsSync(copied) &&
      readFileSync(copied, "utf8") === buildId &&
      existsSync(path.join(target, ".next/server/server-reference-manifest.json"));
    if (whole) {
      snapshot = target;
      break;
    }
    if (attempt >= 3) throw new Error("the build kept changing while it was copied (another next build running?)");
    say("the build changed while it was copied; trying again…");
  }
  say(`build ready (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

export type App = { url: string; port: number; proc: Proc; rssMB: () => number };

export async function startApp(
  port: number,
  database: Db,
  sim: Sim,
  extraEnv: Record<string, string> = {},
): Promise<App> {
  const proc = startProcess(
    `app :${port}`,
    path.join(ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: appDir(),
      env: {
        ...process.env,
        ...sim.appEnv,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        AUTH_SECRET,
        DEMO_MODE: "false",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
        // Streams stay open for the whole benchmark (the browser would resume them anyway).
        SSE_MAX_SECONDS: "3600",
        // The bench's synthetic jobs have no order at the simulator; keep reconciliation off them.
        RECONCILE_QUIET_SECONDS: "86400",
        // One bench teller runs thousands of lookups a minute; the per-user limit would refuse them.
        CUSTOMER_SEARCH_PER_MINUTE: "100000",
        ...extraEnv,
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/ready`, proc, 120_000);
  return { url, port, proc, rssMB: () => groupRssMB(proc.child.pid!) };
}
