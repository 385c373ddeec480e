// The whole product under test, for the crash/restart test and the soak: an embedded PostgreSQL
// that can be stopped and started again on the same port and data, a migrated and seeded
// database, the D1 simulator, and the production build's standalone server started as the
// container image starts it (scripts/lib/standalone.ts), in its own process group (so it can be
// killed with SIGKILL like a crashed host would kill it).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import { createDb, createPool, type Database } from "../../db/client.ts";
import { branches, cardProducts, customers, productBranches, stations } from "../../db/schema/index.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded.ts";
import { seedDemo } from "../../db/seed.ts";
import { createDatabaseOn, freePort, testPostgresMajor } from "../../db/testing/database.ts";
import { standaloneCommand, standaloneEnv } from "./standalone.ts";
import { startLocalSimulator, type LocalSimulator } from "./simulator.ts";

export type RestartablePostgres = {
  port: number;
  /** URL of the seeded application database. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
};

/** A PostgreSQL of its own (not the test run's shared one), so it can be restarted at will. */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  // Not mkdtemp: as root, PostgreSQL runs as the `postgres` user, which must reach the folder.
  const dir = path.join(tmpdir(), `bii-restartable-pg-${randomBytes(4).toString("hex")}`);
  const port = await freePort();
  // One password for every start: the cluster keeps the one it was made with.
  const options = {
    dir,
    port,
    persistent: true,
    password: randomBytes(18).toString("base64url"),
    // The test run's version (TEST_PG_VERSION), like the shared test database's.
    major: testPostgresMajor(),
  };
  let server: EmbeddedServer | null = await startEmbeddedPostgres(options);
  const created = await createDatabaseOn(server.url("postgres"));
  const pool = createPool(created.url, 2);
  await seedDemo(createDb(pool));
  await pool.end();
  return {
    port,
    url: created.url,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server ??= await startEmbeddedPostgres(options);
    },
    async dispose() {
      await server?.stop();
      server = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type AppUnderTest = {
  url: string;
  pid(): number | undefined;
  logFile: string;
  start(): Promise<void>;
  /** SIGKILL to the whole process group: no shutdown hook runs. */
  kill9(): Promise<void>;
  /** SIGTERM to the server process alone, as `docker stop` sends it to the container's first process. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
  /** Resident memory of every process of the app's group, in bytes. */
  rss(): number;
};

type AppOptions = {
  port: number;
  databaseUrl: string;
  simulator: LocalSimulator;
  env?: Record<string, string>;
  /** Where the app's stdout/stderr go; default: discarded. */
  stdio?: "inherit" | "ignore";
};

export function appUnderTest(options: AppOptions): AppUnderTest {
  const url = `http://127.0.0.1:${options.port}`;
  const logDir = mkdtempSync(path.join(tmpdir(), "bii-app-logs-"));
  const logFile = path.join(logDir, "app.log");
  let child: ChildProcess | null = null;

  const server = standaloneCommand();
  const spawnApp = () =>
    spawn(server.command, server.args, {
      cwd: server.cwd,
      stdio: ["ignore", options.stdio ?? "ignore", options.stdio ?? "ignore"],
      detached: true,
      env: {
        ...process.env,
        ...options.simulator.appEnv,
        ...standaloneEnv({ port: options.port, host: "127.0.0.1" }),
        // Tests stop instances often; no load balancer waits on them.
        SHUTDOWN_DRAIN_SECONDS: "0",
        DATABASE_URL: options.databaseUrl,
        AUTH_SECRET: "reliability-secret-reliability-secret-0000",
        DEMO_MODE: "false",
        LOG_LEVEL: "warn",
        LOG_FILE: logFile,
        ...options.env,
      },
    });

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once("exit", () => r()));

  return {
    url,
    logFile,
    pid: () => child?.pid,
    async start() {
      child = spawnApp();
      await waitForReady(url, 120_000);
    },
    async kill9() {
      const c = child;
      if (!c?.pid) return;
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {}
      await exited(c);
      child = null;
    },
    async terminate() {
      const c = child;
      if (!c?.pid) throw new Error("the app is not running");
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        c.exitCode !== null || c.signalCode !== null
          ? resolve({ code: c.exitCode, signal: c.signalCode })
          : c.once("exit", (code, signal) => resolve({ code, signal })),
      );
      process.kill(c.pid, "SIGTERM");
      const result = await exit;
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {}
      child = null;
      return result;
    },
    async stop() {
      const c = child;
      if (!c?.pid) return;
      try {
        process.kill(-c.pid, "SIGTERM");
      } catch {}
      const done = await Promise.race([
        exited(c).then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!done) await this.kill9();
      child = null;
    },
    rss() {
      const pgid = child?.pid;
      return pgid ? groupRss(pgid) : 0;
    },
  };
}

/** The live (not zombie) processes whose process group is `pgid` (Linux /proc). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name "(...)": state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Sums VmRSS over the processes whose process group is `pgid`. */
export function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of groupPids(pgid)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

export async function readyStatus(url: string): Promise<number | "down"> {
  try {
    const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return "down";
  }
}

export async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readyStatus(url)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${url} did not become ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The simulator for an app on `appUrl`, with quick stations; PKI in a throwaway folder. */
export async function startSimulatorFor(
  appUrl: string,
  options: { port?: number; adminPort?: number; timings?: { readyMs: number; doneMs: number } } = {},
): Promise<
  LocalSimulator & { dataDir: string; admin<T = unknown>(method: string, p: string, body?: unknown): Promise<T> }
> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bii-reliability-sim-"));
  const simulator = await startLocalSimulator({
    dataDir,
    appUrl,
    port: options.port ?? 0,
    adminPort: options.adminPort ?? 0,
    timings: { offlineTimeoutMs: 5_000, ...(options.timings ?? { readyMs: 300, doneMs: 900 }) },
    notifyBaseDelayMs: 200,
    logLevel: "silent",
  });
  const adminUrl = simulator.sim.adminUrl ?? "";
  return {
    ...simulator,
    dataDir,
    async admin<T>(method: string, p: string, body?: unknown): Promise<T> {
      const res = await fetch(`${adminUrl}${p}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`simulator ${method} ${p}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      await simulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Log lines at error level or above (pino level ≥ 50) in the app's log file. */
export function errorLines(logFile: string): string[] {
  let text = "";
  try {
    text = readFileSync(logFile, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").filter((line) => {
    if (!line.startsWith("{")) return false;
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });
}

/** What the issue form of a branch's counter sends, for `count` customers, round-robin over its stations. */
export async function issueFormInputs(db: Database, branchCode: string, count: number, offset = 0) {
  const [branch] = await db.select().from(branches).where(eq(branches.code, branchCode));
  if (!branch) throw new Error(`no branch ${branchCode}`);
  // A product every customer may have (no age or customer-type rule); a debit card names the
  // customer's first account.
  const [product] = await db
    .select({ id: cardProducts.id })
    .from(cardProducts)
    .innerJoin(productBranches, eq(productBranches.productId, cardProducts.id))
    .where(
      and(
        eq(productBranches.branchId, branch.id),
        eq(cardProducts.active, true),
        isNull(cardProducts.minAge),
        isNull(cardProducts.maxAge),
        isNull(cardProducts.customerTypes),
      ),
    )
    .orderBy(cardProducts.name)
    .limit(1);
  const branchStations = await db
    .select()
    .from(stations)
    .where(and(eq(stations.branchId, branch.id), eq(stations.enabled, true)));
  const people = await db
    .select({
      id: customers.id,
      // Named in full: drizzle writes a one-table select's columns bare, which would bind to `a`.
      accountId: sql<string | null>`(select a.id from accounts a where a.customer_id = "customers"."id"
                                      order by a.account_number limit 1)`,
    })
    .from(customers)
    .orderBy(customers.customerNumber)
    .offset(offset)
    .limit(count);
  if (!product || branchStations.length === 0 || people.length < count)
    throw new Error(`branch ${branchCode} cannot issue ${count} cards`);
  return people.map((customer, i) => ({
    requestKey: randomUUID(),
    customerId: customer.id,
    productId: product.id,
    stationId: branchStations[i % branchStations.length]!.id,
    reason: "CREATION",
    nameOnCard: "JANE DOE",
    ...(customer.accountId ? { accountId: customer.accountId } : {}),
    // Load runs issue to the same customers again on purpose: confirm the same-day duplicate.
    confirmDuplicate: true,
  }));
}
