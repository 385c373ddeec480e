// npm run test:cluster — three production instances on one PostgreSQL survive losing two:
// CLUSTER_STREAMS (default 300) signed-in event streams spread over the three, CLUSTER_CARDS
// (default 60) cards issued through all three, D1's notifications sent to the first; under that
// load the second is killed with SIGKILL and the third stopped with SIGTERM. Passes when every
// stream reconnected to a survivor and missed no event of its branch, every card reached D1's
// final state with exactly one production, and nothing failed. Prints the figures and writes
// them to CLUSTER_RESULTS (default bench/results/cluster.json).
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { createDb, createPool } from "../db/client.ts";
import { appUnderTest, startRestartablePostgres, startSimulatorFor } from "./lib/app-harness.ts";
import { ensureBuild } from "./lib/build.ts";
import { checkCards, checkStreams } from "./lib/cluster-checks.ts";
import { ClusterIssuer, openStreams, signInAll, stopWithSigterm, untilAllLiveOnSurvivors } from "./lib/cluster.ts";
import { freePort } from "../db/testing/database.ts";
import { summarize } from "../bench/lib/stats.ts";
import { ROOT } from "./lib/local.ts";

const STREAMS = Number(process.env.CLUSTER_STREAMS ?? 300);
const CARDS = Number(process.env.CLUSTER_CARDS ?? 60);
const RESULTS = path.resolve(ROOT, process.env.CLUSTER_RESULTS ?? "bench/results/cluster.json");
// What an orchestrator waits after SIGTERM before it kills (Kubernetes' default).
const GRACE_MS = 30_000;

const say = (line: string) => console.log(`[cluster] ${line}`);
const started = Date.now();
const loadAtStart = loadavg()[0]!;

if (!ensureBuild(say)) process.exit(1);
const pg = await startRestartablePostgres();
const ports = [await freePort(), await freePort(), await freePort()];
const urls = ports.map((port) => `http://127.0.0.1:${port}`);
// D1 knows one address for its notifications: the first instance, which stays up.
const sim = await startSimulatorFor(urls[0]!, { timings: { readyMs: 300, doneMs: 900 } });
const apps = ports.map((port) =>
  appUnderTest({
    port,
    databaseUrl: pg.url,
    simulator: sim,
    env: {
      // Streams end only when an instance goes: every reconnect measured is a failover.
      SSE_MAX_SECONDS: "3600",
      // Orders cut off by the kill are finished by reconciliation (its cron runs every minute).
      RECONCILE_QUIET_SECONDS: "5",
      SHUTDOWN_GRACE_SECONDS: "10",
    },
  }),
);
const pool = createPool(pg.url, 4);
const db = createDb(pool);
const leaving = new Map<string, number>();
const balancer = { urls, isLeaving: (url: string) => leaving.has(url) };
let exitCode = 1;
const streams: Awaited<ReturnType<typeof openStreams>>["clients"] = [];

try {
  say(`starting PostgreSQL, the D1 simulator and three instances on ${ports.join(", ")}…`);
  await Promise.all(apps.map((app) => app.start()));
  const sessions = await signInAll(urls);
  const opened = await openStreams({ db, balancer, sessions, count: STREAMS });
  streams.push(...opened.clients);
  say(`${STREAMS} streams live (${urls.map((u) => streams.filter((s) => s.current === u).length).join(" / ")})`);

  // Half of the orders answer slowly, so the kills land in the middle of D1 calls.
  await sim.admin("POST", "/faults/orders", { mode: "slow", probability: 0.5, delayMs: 1_500 });
  const issuer = new ClusterIssuer({ db, balancer, sessions });
  const issuing = issuer.issue(CARDS, 4);
  await issuer.until((n) => n >= CARDS / 3);
  say(`${issuer.jobIds.length} cards requested; SIGKILL to instance 2`);
  leaving.set(urls[1]!, Date.now());
  await apps[1]!.kill9();
  await issuer.until((n) => n >= (CARDS * 2) / 3);
  say(`${issuer.jobIds.length} cards requested; SIGTERM to instance 3`);
  leaving.set(urls[2]!, Date.now());
  const sigterm = await stopWithSigterm(apps[2]!, GRACE_MS);
  say(
    sigterm.exitedByItselfMs !== null
      ? `instance 3 exited ${(sigterm.exitedByItselfMs / 1000).toFixed(1)} s after SIGTERM`
      : `instance 3 was still running ${GRACE_MS / 1000} s after SIGTERM: killed, as an orchestrator would`,
  );
  say(`instance 3's readiness after SIGTERM: ${sigterm.readiness.join(" → ")}`);
  await issuing;
  await sim.admin("DELETE", "/faults/orders");
  say(`${issuer.jobIds.length} cards requested; waiting for D1 to finish them and the streams to catch up…`);
  const onSurvivor = await untilAllLiveOnSurvivors(streams, balancer, 60_000);
  const cards = await checkCards({ db, sim, jobIds: issuer.jobIds, requestKeys: issuer.requestKeys });
  const events = await checkStreams({ db, clients: streams, branchOf: opened.branchOf, after: opened.startEventId });
  const logErrors = apps.flatMap((app, i) => issuer.errorLinesOf(app.logFile, leaving.get(urls[i]!)));
  const all = streams.flatMap((s) => s.reconnects);
  const reconnects = summarize(all.map((r) => r.ms));
  const after = (from: string) => {
    const lost = summarize(all.filter((r) => r.from === from).map((r) => r.ms));
    return { count: lost.n, p50Ms: Math.round(lost.p50), p99Ms: Math.round(lost.p99) };
  };
  const streamErrors = streams.flatMap((s) => s.errors);
  const figures = {
    date: new Date().toISOString(),
    instances: 3,
    streams: STREAMS,
    cards: {
      requested: issuer.jobIds.length,
      done: cards.done,
      producedOnce: cards.producedOnce,
      problems: cards.problems.length,
    },
    events: {
      inDatabase: events.recorded,
      delivered: events.delivered,
      missed: events.missed,
      foreign: events.foreign,
      sentAgainOnResume: streams.reduce((n, s) => n + s.duplicates, 0),
    },
    reconnects: {
      count: reconnects.n,
      p50Ms: Math.round(reconnects.p50),
      p99Ms: Math.round(reconnects.p99),
      maxMs: Math.round(reconnects.max),
      afterSigkill: after(urls[1]!),
      afterSigterm: after(urls[2]!),
      // Part of every reconnect: the wait the server asked for (`retry:`), as EventSource waits.
      serverRetryMs: Math.min(...streams.map((s) => s.retryMs)),
      streamsCutByLeavingInstances: streams.reduce((n, s) => n + s.cut, 0),
      connectsRefusedAndPassedOver: streams.reduce((n, s) => n + s.refused, 0),
      streamsLiveOnSurvivorAtEnd: onSurvivor,
    },
    sigterm,
    errors: {
      issueActions: issuer.errors.length,
      issueRetriedOnAnotherInstance: issuer.retries,
      streams: streamErrors.length,
      appLogErrorLines: logErrors.length,
      notificationsGivenUp: cards.notificationsGivenUp,
    },
    seconds: Math.round((Date.now() - started) / 1000),
    loadAverage: { atStart: Number(loadAtStart.toFixed(1)), atEnd: Number(loadavg()[0]!.toFixed(1)) },
    cores: availableParallelism(),
  };
  console.log(JSON.stringify(figures, null, 2));
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  say(`figures written to ${path.relative(ROOT, RESULTS)}`);
  for (const line of [...cards.problems, ...events.problems, ...issuer.errors, ...streamErrors, ...logErrors].slice(
    0,
    20,
  ))
    say(`problem: ${line.slice(0, 300)}`);

  const failures = [
    events.missed && `${events.missed} events missed`,
    events.foreign && `${events.foreign} events of another branch`,
    cards.problems.length && `${cards.problems.length} cards not finished exactly once`,
    onSurvivor !== STREAMS && `${STREAMS - onSurvivor} streams not live again on the surviving instance`,
    issuer.errors.length && `${issuer.errors.length} issue actions failed`,
    streamErrors.length && `${streamErrors.length} stream errors at healthy instances`,
    logErrors.length && `${logErrors.length} error lines in the app logs`,
    cards.notificationsGivenUp && `D1 gave up on ${cards.notificationsGivenUp} notifications`,
  ].filter(Boolean);
  say(failures.length ? `FAILED: ${failures.join("; ")}` : "passed");
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  console.error(error);
} finally {
  for (const s of streams) s.close();
  await Promise.all(apps.map((app) => app.stop()));
  await pool.end();
  await sim.stop();
  await pg.dispose();
}
process.exit(exitCode);
