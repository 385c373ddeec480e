// npm start — the whole product on one command. With no DATABASE_URL it runs an embedded
// PostgreSQL under .data/, migrates, seeds demo data on first run, builds the app when needed,
// starts it and prints where to go. Ctrl-C stops every process it started.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { closeDatabase, ensureDataDir, loadDotEnv, localAuthSecret, openDatabase, ROOT, type LocalDatabase } from "./lib/local.ts";
import { ensureBuild } from "./lib/build.ts";
import { startLocalSimulator, type LocalSimulator } from "./lib/simulator.ts";

const dev = process.argv.includes("--dev");
const say = (line: string) => console.log(`[start] ${line}`);

loadDotEnv();
const { env } = await import("../lib/env.ts");
const { migrateDatabase } = await import("../db/migrate.ts");
const { createDb, createPool } = await import("../db/client.ts");
const { seedDemo } = await import("../db/seed.ts");
const { DEMO_PASSWORD, DEMO_USERS } = await import("../db/seed-data.ts");

let database: LocalDatabase | null = null;
let simulator: LocalSimulator | null = null;
let app: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  say("Stopping…");
  if (app?.pid && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    // The app runs in its own process group so that its workers stop with it.
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {}
    await Promise.race([exited, sleep(10_000)]);
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {}
  }
  await simulator?.stop().catch(() => {});
  await closeDatabase(database);
  say("Stopped.");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function waitUntilReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {}
    await sleep(250);
  }
  return false;
}

try {
  const embedded = !env.DATABASE_URL;
  database = await openDatabase(env, say);
  await migrateDatabase(database.url);
  say("Database migrated.");
  if (embedded) {
    const pool = createPool(database.url, 2);
    if (await seedDemo(createDb(pool))) say("Seeded the demo data (first run).");
    await pool.end();
  }

  if (!dev && !ensureBuild(say)) {
    say("The build failed; see the output above.");
    await shutdown(1);
  }

  // No real D1 configured: run the simulator, with its dev PKI under .data/pki.
  if (!env.D1_BANKING_URL) {
    simulator = await startLocalSimulator({ dataDir: ensureDataDir(), appUrl: `http://127.0.0.1:${env.PORT}` });
    say(`D1 simulator on ${simulator.sim.url} (control page: ${simulator.sim.adminUrl ?? "off"}).`);
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...simulator?.appEnv,
    DATABASE_URL: database.url,
    AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(),
    DEMO_MODE: String(env.DEMO_MODE || embedded),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: dev ? "development" : "production",
  };
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  app = spawn(next, [dev ? "dev" : "start", "-p", String(env.PORT), "-H", env.HOST], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  app.on("exit", (code) => {
    if (!stopping) {
      say(`The app stopped unexpectedly (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });

  const host = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST;
  const url = `http://${host}:${env.PORT}`;
  if (!(await waitUntilReady(`http://${env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST}:${env.PORT}/api/ready`, 120_000))) {
    say("The app did not become ready within 2 minutes.");
    await shutdown(1);
  }
  const lines = [
    "",
    `  Branch Instant Issuance is running: ${url}`,
    "",
    ...(embedded
      ? [
          `  Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
          ...DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email}`),
          "",
          ...(simulator ? [`  D1 simulator control page (stations, faults): ${simulator.sim.adminUrl ?? "off"}`, ""] : []),
          "  Data is kept in .data/ between starts. Press Ctrl-C to stop.",
        ]
      : ["  Using the database in DATABASE_URL. Press Ctrl-C to stop."]),
    "",
  ];
  console.log(lines.join("\n"));
} catch (error) {
  console.error(error);
  await shutdown(1);
}
