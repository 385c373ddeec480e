// SIGTERM to the production server (the standalone server.js, started as the container image
// starts it) while a D1 order is in flight, with the D1 simulator and a PostgreSQL of its own:
// readiness turns 503 first, the open event stream is told to reconnect and ends, the process
// exits 0 within SHUTDOWN_GRACE_SECONDS after its worker got D1's answer, and once the instance
// runs again the card ends DONE, produced once, with every event on the resumed stream. Then,
// with PostgreSQL stopped, the real app's event-stream route answers 503 with Retry-After (the
// case where the database goes away between the session check and the stream's first read,
// which gave the 500, is app/api/events/stream/route.test.ts).
import { get } from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, createPool, type Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { issuanceJobs } from "@/db/schema";
import { freePort } from "@/db/testing/database";
import { callAction, EventStreamClient, serverAction, signIn } from "@/scripts/lib/app-client";
import {
  appUnderTest,
  issueFormInputs,
  readyStatus,
  startRestartablePostgres,
  startSimulatorFor,
  type AppUnderTest,
  type RestartablePostgres,
} from "@/scripts/lib/app-harness";
import { ensureBuild } from "@/scripts/lib/build";
import { until } from "@/test-support/until";

const GRACE_SECONDS = 20;
const D1_ANSWER_MS = 4_000;

let pg: RestartablePostgres;
let sim: Awaited<ReturnType<typeof startSimulatorFor>>;
let app: AppUnderTest;
let appDb: Database;
let cookie: string;

beforeAll(async () => {
  if (!ensureBuild((line) => console.log(`[shutdown] ${line}`))) throw new Error("next build failed");
  pg = await startRestartablePostgres();
  const port = await freePort();
  sim = await startSimulatorFor(`http://127.0.0.1:${port}`);
  app = appUnderTest({
    port,
    databaseUrl: pg.url,
    simulator: sim,
    env: {
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      SHUTDOWN_DRAIN_SECONDS: "2",
      LOG_LEVEL: "info",
      // Streams are not recycled during the test: an end is the shutdown's.
      SSE_MAX_SECONDS: "600",
    },
  });
  await app.start();
  appDb = createDb(createPool(pg.url, 2));
  cookie = await signIn(app.url, "teller@downtown.demo", DEMO_PASSWORD);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await appDb?.$client.end();
  await sim?.stop();
  await pg?.dispose();
});

/** One raw event stream, read to its end. */
function rawStream() {
  const state = { text: "", ended: false, status: 0 };
  void (async () => {
    const res = await fetch(`${app.url}/api/events/stream`, { headers: { cookie, accept: "text/event-stream" } });
    state.status = res.status;
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read())
      state.text += decoder.decode(read.value, { stream: true });
    state.ended = true;
  })().catch(() => (state.ended = true));
  return state;
}

it("SIGTERM during a D1 order: readiness 503, streams sent elsewhere, exit 0 in time, one card, nothing lost", async () => {
  const raw = rawStream();
  const resuming = new EventStreamClient(app.url, cookie, 250);
  resuming.start();
  await resuming.untilLive();
  await until(() => raw.text.includes(": live"), "the raw stream to go live", 10_000);

  // D1 takes a few seconds to answer this order: the SIGTERM lands while it is in flight.
  await sim.admin("POST", "/faults/orders", { mode: "slow", count: 1, delayMs: D1_ANSWER_MS });
  const [input] = await issueFormInputs(appDb, "BR001", 1);
  const result = await callAction(app.url, cookie, serverAction("issueCardAction"), [input]);
  const jobId = /\/teller\/jobs\/([0-9a-f-]{36})/.exec(result.redirect ?? "")?.[1];
  if (!jobId) throw new Error(`issue action failed: ${result.status} ${result.body.slice(0, 300)}`);
  const job = async () => (await appDb.select().from(issuanceJobs).where(eq(issuanceJobs.id, jobId)))[0]!;
  // The worker has started the D1 call (the attempt is counted just before it) and has no answer yet.
  await until(async () => (await job()).submitAttempts === 1, "the order to be sent to D1", 20_000, 50);
  expect((await job()).state).toBe("submitting");

  const sent = Date.now();
  const exited = app.terminate();
  // The drain: readiness says 503 while the instance still answers.
  await until(async () => (await readyStatus(app.url)) === 503, "readiness to turn 503", 2_000, 50);
  // Still answering, but asking every client to close its connection: the next request goes elsewhere.
  const connection = await new Promise<string | undefined>((resolve, reject) =>
    get(`${app.url}/api/health`, (res) => {
      res.resume();
      resolve(res.headers.connection);
    }).on("error", reject),
  );
  expect(connection).toBe("close");
  const { code, signal } = await exited;
  const seconds = (Date.now() - sent) / 1000;
  console.log(`[shutdown] exited ${seconds.toFixed(1)} s after SIGTERM`);
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(seconds).toBeLessThan(GRACE_SECONDS);

  // The stream was told to reconnect (after about a second) and ended cleanly.
  await until(() => raw.ended, "the raw stream to end", 5_000);
  expect(raw.status).toBe(200);
  expect(raw.text).toMatch(/retry: \d{3,4}\n: reconnect elsewhere\n\n$/);
  // The worker waited for D1's answer before the process exited: the order is recorded once.
  const afterExit = await job();
  expect(afterExit.state).not.toBe("submitting");
  expect(afterExit.submitAttempts).toBe(1);

  // The instance comes back (as a replacement would); D1's notifications, refused while it was
  // down, are sent again and complete the card.
  await app.start();
  await until(async () => (await job()).state === "done", "the card to be done", 60_000, 250);
  const counters = await sim.admin<{ productionsStarted: Record<string, number> }>("GET", "/counters");
  expect(counters.productionsStarted[afterExit.cardId]).toBe(1);
  // The stream client resumed from Last-Event-ID and saw the card to its end, each event once.
  await until(
    () => resuming.events.some((e) => e.jobId === jobId && e.state === "done"),
    "the resumed stream to show DONE",
    20_000,
  );
  resuming.close();
  expect(resuming.duplicates).toBe(0);
  expect(resuming.connects).toBeGreaterThanOrEqual(2);
  const rows = await appDb
    .select({ id: issuanceJobs.id })
    .from(issuanceJobs)
    .where(and(eq(issuanceJobs.cardId, afterExit.cardId)));
  expect(rows).toHaveLength(1);
}, 240_000);

it("while the database is away, the event-stream route answers 503 with Retry-After, not 500", async () => {
  await pg.stop();
  try {
    const res = await fetch(`${app.url}/api/events/stream`, { headers: { cookie, accept: "text/event-stream" } });
    const body = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(JSON.parse(body)).toMatchObject({ code: "unavailable:database" });
  } finally {
    await pg.start();
  }
}, 60_000);
