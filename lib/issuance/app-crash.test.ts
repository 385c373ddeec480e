// The whole app crashes and its database restarts, with cards in flight: `next start` on the
// production build (its own worker, event listener and SSE), a PostgreSQL of its own, and the
// D1 simulator. Jobs are created through the teller's server action, the app is killed with
// SIGKILL mid-run and started again, then PostgreSQL is stopped and started under it. Every
// job must finish exactly once, readiness must report the outage, and a signed-in event stream
// must end up with every status the database recorded.
//
// The app reconciles on its own cron (every minute, RECONCILE_QUIET_SECONDS=5 here), which is
// what finishes orders cut off by the kill, so this file takes about 1.5 minutes.
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, createPool, type Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { branches, issuanceJobs, jobEvents } from "@/db/schema";
import { freePort } from "@/db/testing/database";
import { callAction, EventStreamClient, serverAction, signIn } from "@/scripts/lib/app-client";
import {
  appUnderTest,
  errorLines,
  issueFormInputs,
  readyStatus,
  startRestartablePostgres,
  startSimulatorFor,
  type AppUnderTest,
  type RestartablePostgres,
} from "@/scripts/lib/app-harness";
import { ensureBuild } from "@/scripts/lib/build";
import { isFinal } from "./states";
import { until as waitUntil } from "@/test-support/until";

const until = (probe: () => Promise<boolean>, what: string, timeoutMs: number) =>
  waitUntil(probe, what, timeoutMs, 250);

const JOBS = Number(process.env.CRASH_JOBS ?? 50);

let pg: RestartablePostgres;
let sim: Awaited<ReturnType<typeof startSimulatorFor>>;
let app: AppUnderTest;
let appDb: Database;
let stream: EventStreamClient;
let cookie: string;
let branchId: string;
let eventsBefore = 0;
const jobIds: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const jobRows = () => appDb.select().from(issuanceJobs).where(inArray(issuanceJobs.id, jobIds));

async function issueCards(count: number): Promise<void> {
  const action = serverAction("issueCardAction");
  const inputs = await issueFormInputs(appDb, "BR001", count, jobIds.length);
  // Five tellers' worth of concurrency.
  for (let i = 0; i < inputs.length; i += 5) {
    const results = await Promise.all(
      inputs.slice(i, i + 5).map((input) => callAction(app.url, cookie, action, [input])),
    );
    for (const result of results) {
      const id = /\/teller\/jobs\/([0-9a-f-]{36})/.exec(result.redirect ?? "")?.[1];
      if (!id) throw new Error(`issue action failed: ${result.status} ${result.body.slice(0, 300)}`);
      jobIds.push(id);
    }
  }
}

type Counters = {
  productionsStarted: Record<string, number>;
  productionsStartedByIssuerRequestId: Record<string, number>;
  notifications: { gaveUp: number; responses: Record<string, number> };
};

beforeAll(async () => {
  if (!ensureBuild((line) => console.log(`[app-crash] ${line}`))) throw new Error("next build failed");
  pg = await startRestartablePostgres();
  const port = await freePort();
  sim = await startSimulatorFor(`http://127.0.0.1:${port}`, { timings: { readyMs: 300, doneMs: 900 } });
  app = appUnderTest({
    port,
    databaseUrl: pg.url,
    simulator: sim,
    // Streams recycle every 5 s, so the client also resumes by Last-Event-ID during the run.
    env: { RECONCILE_QUIET_SECONDS: "5", SSE_MAX_SECONDS: "5", D1_TIMEOUT_MS: "2000" },
  });
  await app.start();
  appDb = createDb(createPool(pg.url, 2));
  const [branch] = await appDb.select().from(branches).where(eq(branches.code, "BR001"));
  branchId = branch!.id;
  cookie = await signIn(app.url, "teller@downtown.demo", DEMO_PASSWORD);
  stream = new EventStreamClient(app.url, cookie);
  stream.start();
  await stream.untilLive();
  const [last] = await appDb.select({ id: jobEvents.id }).from(jobEvents).orderBy(desc(jobEvents.id)).limit(1);
  eventsBefore = last?.id ?? 0;
}, 600_000);

afterAll(async () => {
  stream?.close();
  await app?.stop();
  await appDb?.$client.end();
  await sim?.stop();
  await pg?.dispose();
});

it(`kill -9 of the app with ${JOBS} jobs in flight, then a restart: the app comes back on its own`, async () => {
  // Orders are slow to answer half the time, and the first three are taken without an answer:
  // the kill lands in the middle of D1 calls.
  await sim.admin("POST", "/faults/orders", { mode: "hangAfterAccept", count: 3 });
  await sim.admin("POST", "/faults/orders", { mode: "slow", probability: 0.5, delayMs: 1_500 });
  await issueCards(JOBS);
  expect(jobIds).toHaveLength(JOBS);
  await until(
    async () => (await jobRows()).filter((j) => j.state !== "submitting").length >= JOBS / 5,
    "a fifth of the orders to be accepted",
    60_000,
  );

  await app.kill9();
  const atKill = await jobRows();
  const inFlight = atKill.filter((j) => !isFinal(j.state));
  // The kill really caught the work in the middle: at least half the jobs unfinished, some not
  // yet accepted by D1.
  expect(inFlight.length).toBeGreaterThanOrEqual(JOBS / 2);
  expect(atKill.some((j) => j.state === "submitting")).toBe(true);
  expect(await readyStatus(app.url)).toBe("down");

  // D1 keeps producing and notifying meanwhile; some notifications fail against the dead app.
  await sleep(2_000);
  await app.start();
  expect(await readyStatus(app.url)).toBe(200);
}, 180_000);

it("PostgreSQL restarted under the running app: readiness reports the outage, then the app reconnects", async () => {
  const pidBefore = app.pid();
  await pg.stop();
  const during: Array<number | "down"> = [];
  for (let i = 0; i < 6; i++) {
    during.push(await readyStatus(app.url));
    await sleep(500);
  }
  // 503 for as long as the database is away, never a 200 and never a dead app.
  expect(during).toEqual(during.map(() => 503));
  await pg.start();
  const restarted = Date.now();
  await until(async () => (await readyStatus(app.url)) === 200, "readiness after the database restart", 30_000);
  console.log(`[app-crash] ready again ${Date.now() - restarted} ms after PostgreSQL restarted`);
  expect(app.pid()).toBe(pidBefore);

  // Work queued after the restart is picked up by the same worker: it survived the outage.
  const before = jobIds.length;
  await issueCards(5);
  expect(jobIds.length).toBe(before + 5);
}, 120_000);

it("every job finishes exactly once, in the state D1 reports, and nothing is lost", async () => {
  await sim.admin("DELETE", "/faults/orders");
  await until(
    async () => (await jobRows()).every((j) => isFinal(j.state)),
    "every job to reach a final state",
    150_000,
  );
  const rows = await jobRows();
  expect(rows).toHaveLength(jobIds.length);
  const counters = await sim.admin<Counters>("GET", "/counters");
  const wrong: string[] = [];
  for (const row of rows) {
    const order = await sim.admin<{ latest: { details: { status: string } } }>("GET", `/orders/${row.cardId}`);
    if (row.state !== "done" || order.latest.details.status !== "CARD_PROD_DONE")
      wrong.push(`${row.cardId} ${row.state} ${order.latest.details.status}`);
    if (counters.productionsStarted[row.cardId] !== 1)
      wrong.push(`${row.cardId} produced ${counters.productionsStarted[row.cardId]}×`);
    if (counters.productionsStartedByIssuerRequestId[row.issuerRequestId] !== 1)
      wrong.push(`${row.issuerRequestId} produced twice`);
  }
  expect(wrong).toEqual([]);
  console.log(`[app-crash] notifications: ${JSON.stringify(counters.notifications)}`);
  // Nothing in the app's log at error level but the database outage itself (connections
  // refused, reset or terminated, "starting up"): no crash, no unhandled error. A reset shows up
  // when the server goes down under a connection that is between reads (the worker's LISTEN).
  const outage =
    /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|connection error|57P01|57P03|08006|08001|database system is/;
  const errors = errorLines(app.logFile).filter((l) => !outage.test(l));
  expect(errors).toEqual([]);
}, 180_000);

it("the signed-in event stream resumed across both outages without missing a status", async () => {
  const expected = async () =>
    appDb
      .select({
        id: jobEvents.id,
        jobId: jobEvents.jobId,
        kind: jobEvents.kind,
        state: jobEvents.state,
        d1Status: jobEvents.d1Status,
      })
      .from(jobEvents)
      .where(and(eq(jobEvents.branchId, branchId), gt(jobEvents.id, eventsBefore)))
      .orderBy(asc(jobEvents.id));
  // The last events may still be on their way to the stream.
  await until(async () => stream.events.length >= (await expected()).length, "the stream to catch up", 20_000).catch(
    () => {},
  );
  const received = [...stream.events].sort((a, b) => a.id - b.id);
  const recorded = await expected();
  const missing = recorded.filter((e) => !received.some((r) => r.id === e.id));
  expect(missing, "events in job_events the stream never delivered").toEqual([]);
  expect(received).toEqual(recorded);
  // It really did reconnect: after the kill, and at every recycle.
  expect(stream.connects).toBeGreaterThan(2);
  console.log(
    `[app-crash] stream: ${received.length} events (${stream.duplicates} sent again on resume), ${stream.connects} connects, ` +
      `failures ${JSON.stringify(stream.failures)}, breaks ${stream.breaks}`,
  );
}, 60_000);
