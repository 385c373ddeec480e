// A worker process is killed (SIGKILL) while D1 has taken the order but not yet answered; after a
// restart the job still ends with exactly one card, even with the simulator answering a repeated
// order the worst way (a second card): the new run asks E3 first and follows D1.
import { spawn, type ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/db";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { issuanceJobs } from "@/db/schema";
import { d1EnvFor } from "@/scripts/lib/simulator";
import { jobRequest, makeCounter, tellerContext } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { startSimFixture, type SimFixture } from "@/test-support/d1-simulator";
import { env } from "@/lib/env";
import { createIssuanceJob } from "./create-job";
import { reconcileJobs } from "./reconcile";
import { startWorker } from "./worker";
import { until as waitUntil } from "@/test-support/until";

const until = (probe: () => Promise<boolean>, what: string) => waitUntil(probe, what, 20_000, 25);

let fixture: SimFixture;
let client: D1Client;
let child: ChildProcess | undefined;
let runner: Runner | undefined;

type Counters = { ordersAccepted: Record<string, number>; productionsStarted: Record<string, number> };
const counters = () => fixture.admin<Counters>("GET", "/counters");

beforeAll(async () => {
  await clearSubmissionQueue(db);
  // Notifications off: the job can only finish through the restarted worker and reconciliation.
  fixture = await startSimFixture();
  await fixture.admin("POST", "/faults/notifications", { dropPercent: 100 });
  await fixture.admin("POST", "/faults/repeated-orders", { mode: "duplicate" });
  client = createD1Client(fixture.config());
});

afterAll(async () => {
  try {
    if (child?.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is gone already.
  }
  await runner?.stop();
  await client.close();
  await fixture.stop();
  await db.$client.end();
});

it("kill -9 during the D1 call, restart: the job finishes with exactly one production", async () => {
  const counter = await makeCounter(db, { persoStation: "BR002-PS-01" });
  const { pki, sim } = fixture;
  // In a process group of its own: tsx runs the worker in a child process, and a SIGKILL to tsx
  // alone would leave that worker running (and taking jobs of later test files).
  child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, ...d1EnvFor(pki, sim), LOG_FILE: `${env.LOG_FILE}.child` },
    stdio: "ignore",
    detached: true,
  });
  // D1 takes the next order and never answers: the worker is inside the call when it dies.
  await fixture.admin("POST", "/faults/orders", { mode: "hangAfterAccept", count: 1 });
  const { job } = await createIssuanceJob(jobRequest(counter, { reason: "REPLACEMENT" }), tellerContext(counter));
  await until(async () => (await counters()).ordersAccepted[job.cardId] === 1, "D1 to take the order");
  process.kill(-child.pid!, "SIGKILL");
  await new Promise((r) => child!.once("exit", r));
  const [stuck] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id));
  expect(stuck?.state).toBe("submitting");

  // Restart: a new worker, and reconciliation finding the stuck job.
  runner = await startWorker({ d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error }, 2);
  const deps = { d1: client };
  await until(async () => {
    await reconcileJobs(deps, { quietSeconds: 0 });
    const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id));
    return row?.state === "done";
  }, "the job to finish after the restart");
  const final = await counters();
  // The run after the restart found the order through E3 and never sent it again (reconciliation
  // may queue it more than once; every later run finds the job accepted).
  expect(final.ordersAccepted[job.cardId]).toBe(1);
  expect(final.productionsStarted[job.cardId]).toBe(1);
});
