// npm start — the whole product on one command. With no DATABASE_URL it runs an embedded
// PostgreSQL under .data/, migrates, seeds demo data on first run, builds the app when needed,
// starts it and prints where to go. Ctrl-C stops every process it started. Every step that can
// fail is named, so a failure says what failed and why, and stops whatever had started.
import path from "node:path";
import {
  closeDatabase,
  ensureDataDir,
  loadDotEnv,
  localAuthSecret,
  openDatabase,
  ROOT,
  type LocalDatabase,
} from "./lib/local.ts";
import { unhookExitSignal } from "../db/embedded.ts";
import { ensureBuild } from "./lib/build.ts";
import { startApp, type AppProcess } from "./lib/app-process.ts";
import { absoluteFileSettings, standaloneCommand, standaloneEnv } from "./lib/standalone.ts";
import { appUser, prepareForAppUser } from "./lib/app-user.ts";
import { checkPorts, portErrorFrom, portsInUseReport, portsNeeded, type PortNeed } from "./lib/ports.ts";
import { startLocalSimulator, type LocalSimulator } from "./lib/simulator.ts";
import { describeError, step, StepError } from "./lib/steps.ts";

const dev = process.argv.includes("--dev");
const say = (line: string) => console.log(`[start] ${line}`);
const fail = (line: string) => console.error(`[start] ${line}`);

let database: LocalDatabase | null = null;
let simulator: LocalSimulator | null = null;
let app: AppProcess | null = null;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  const started = Boolean(app || simulator || database);
  if (started) say("Stopping…");
  await app?.stop();
  await simulator?.stop().catch(() => {});
  await closeDatabase(database);
  if (started) say("Stopped.");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// The embedded PostgreSQL package stops its server on these signals itself and then exits
// (async-exit-hook): the database would go from under the app while the app still finishes its
// work (lib/shutdown). shutdown() above stops the app first, then the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) unhookExitSignal(signal);

/** Says what failed: taken ports with their holder and setting, else the step and the reason. */
async function report(error: unknown, needs: PortNeed[], debug: boolean): Promise<void> {
  const stepName = error instanceof StepError ? error.step : null;
  const cause = error instanceof StepError ? error.cause : error;
  const ports = await portErrorFrom(error, needs);
  if (ports) {
    fail(`Start-up failed while ${stepName ?? "starting"}:`);
    for (const line of portsInUseReport(ports, ROOT)) fail(line);
  } else {
    fail(`Start-up failed while ${stepName ?? "starting"}: ${describeError(cause)}`);
  }
  if (debug) console.error(cause);
}

loadDotEnv();
let needs: PortNeed[] = [];
let debug = false;
try {
  const { env } = await step("reading the settings", () => import("../lib/env.ts"));
  debug = env.LOG_LEVEL === "debug" || env.LOG_LEVEL === "trace";
  // Before anything starts: a port in use stops us here, with nothing to clean up.
  needs = portsNeeded(env);
  await step("checking the ports", () => checkPorts(needs));

  const { migrateDatabase } = await import("../db/migrate.ts");
  const { createDb, createPool } = await import("../db/client.ts");
  const { seedDemo } = await import("../db/seed.ts");
  const { DEMO_PASSWORD, DEMO_USERS } = await import("../db/seed-data.ts");

  const embedded = !env.DATABASE_URL;
  database = await step(embedded ? "starting the embedded PostgreSQL" : "opening the database", () =>
    openDatabase(env, say),
  );
  const url = database.url;
  await step("migrating the database", () => migrateDatabase(url));
  say("Database migrated.");
  if (embedded) {
    await step("seeding the demo data", async () => {
      const pool = createPool(url, 2);
      try {
        if (await seedDemo(createDb(pool))) say("Seeded the demo data (first run).");
      } finally {
        await pool.end();
      }
    });
  }

  if (!dev) {
    await step("building the app", () => {
      if (!ensureBuild(say)) throw new Error("next build failed; see its output above");
    });
  }

  // No real D1 configured: run the simulator, with its dev PKI under .data/pki.
  if (!env.D1_BANKING_URL) {
    simulator = await step("starting the D1 simulator", () =>
      startLocalSimulator({
        dataDir: ensureDataDir(),
        appUrl: `http://127.0.0.1:${env.PORT}`,
        port: env.SIM_PORT,
        adminPort: env.SIM_ADMIN_PORT,
      }),
    );
    say(`D1 simulator on ${simulator.sim.url} (control page: ${simulator.sim.adminUrl ?? "off"}).`);
  }

  const appEnv: NodeJS.ProcessEnv = absoluteFileSettings({
    ...process.env,
    ...simulator?.appEnv,
    DATABASE_URL: url,
    AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(),
    DEMO_MODE: String(env.DEMO_MODE || embedded),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: dev ? "development" : "production",
    ...(dev ? {} : standaloneEnv({ port: env.PORT, host: env.HOST })),
    // One instance and no load balancer watching its readiness: Ctrl-C need not wait for a drain.
    SHUTDOWN_DRAIN_SECONDS: process.env.SHUTDOWN_DRAIN_SECONDS ?? "0",
  });
  // As root, the app runs as an unprivileged user, as PostgreSQL does; not `next dev`, which
  // writes its build into .next as it goes.
  const { user, childEnv } = await step("preparing the app's user", async () => {
    const user = dev ? null : appUser();
    const layout = { root: ROOT, dataDir: ensureDataDir() };
    return { user, childEnv: user ? await prepareForAppUser(user, appEnv, layout) : appEnv };
  });
  if (user) say(`The app runs as the unprivileged user ${user.name}.`);
  const readyHost = env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST;
  // The production server as the container image runs it (scripts/lib/standalone.ts).
  const server = dev
    ? {
        command: path.join(ROOT, "node_modules", ".bin", "next"),
        args: ["dev", "-p", String(env.PORT), "-H", env.HOST],
        cwd: ROOT,
      }
    : standaloneCommand();
  const running = startApp({
    ...server,
    env: childEnv,
    port: env.PORT,
    host: env.HOST,
    readyUrl: `http://${readyHost}:${env.PORT}/api/ready`,
    timeoutMs: 120_000,
    user: user ?? undefined,
  });
  app = running;
  await step("starting the app", () => running.ready);
  running.child.on("exit", (code) => {
    if (!stopping) {
      say(`The app stopped unexpectedly (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });

  const host = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST;
  const lines = [
    "",
    `  Branch Instant Issuance is running: http://${host}:${env.PORT}`,
    "",
    ...(embedded
      ? [
          `  Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
          ...DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email}`),
          "",
          ...(simulator
            ? [`  D1 simulator control page (stations, faults): ${simulator.sim.adminUrl ?? "off"}`, ""]
            : []),
          "  Data is kept in .data/ between starts. Press Ctrl-C to stop.",
        ]
      : ["  Using the database in DATABASE_URL. Press Ctrl-C to stop."]),
    "",
  ];
  console.log(lines.join("\n"));
} catch (error) {
  // A Ctrl-C during start-up makes the step in progress fail; that is not worth a report.
  if (!stopping) {
    await report(error, needs, debug);
    await shutdown(1);
  }
}
