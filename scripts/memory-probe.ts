// npx tsx scripts/memory-probe.ts — where the app's memory goes, with heap snapshots to compare
// with scripts/heap-diff.ts. Starts the production app (like the soak) with
// --heapsnapshot-signal, then:
//   1. snapshot with no stream open ("0-idle"), opens PROBE_STREAMS (default 1000) streams,
//      snapshot again ("1-streams"): the difference divided by the streams is the cost of one;
//   2. issues cards for PROBE_MINUTES (default 2) while the app recycles the streams every
//      PROBE_RECYCLE_SECONDS (default 20), snapshots ("2-warm" after the first quarter,
//      "3-end" at the end): what grows per recycled stream, per frame or per card.
// Prints resident memory at each step; the snapshots land in PROBE_DIR (default a temp dir).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, createPool } from "../db/client.ts";
import { DEMO_PASSWORD } from "../db/seed-data.ts";
import { callAction, EventStreamClient, serverAction, signIn } from "./lib/app-client.ts";
import { appUnderTest, issueFormInputs, startRestartablePostgres, startSimulatorFor } from "./lib/app-harness.ts";
import { ensureBuild } from "./lib/build.ts";

const STREAMS = Number(process.env.PROBE_STREAMS ?? 1000);
const MINUTES = Number(process.env.PROBE_MINUTES ?? 2);
const RECYCLE_SECONDS = Number(process.env.PROBE_RECYCLE_SECONDS ?? 20);
const CARDS_PER_MINUTE = Number(process.env.PROBE_CARDS_PER_MINUTE ?? 60);
const PORT = Number(process.env.PROBE_PORT ?? 7200);
const SIM_PORT = Number(process.env.PROBE_SIM_PORT ?? 7543);
const DIR = process.env.PROBE_DIR ?? path.join(tmpdir(), `bii-heap-${Date.now()}`);
const SNAPSHOTS = process.env.PROBE_SNAPSHOTS !== "0";
/** With an inspector port, each sample also shows V8's heap figures, and the end a forced GC. */
const INSPECT_PORT = Number(process.env.PROBE_INSPECT_PORT ?? 0);

const say = (line: string) => console.log(`[probe] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

if (!ensureBuild(say)) process.exit(1);
mkdirSync(DIR, { recursive: true });
const pg = await startRestartablePostgres();
const appUrl = `http://127.0.0.1:${PORT}`;
const sim = await startSimulatorFor(appUrl, {
  port: SIM_PORT,
  adminPort: SIM_PORT + 1,
  timings: { readyMs: 300, doneMs: 900 },
});
const app = appUnderTest({
  port: PORT,
  databaseUrl: pg.url,
  simulator: sim,
  // --trace-gc in PROBE_NODE_OPTIONS: the app's collector lines go to this script's output.
  stdio: process.env.PROBE_NODE_OPTIONS?.includes("--trace-gc") ? "inherit" : "ignore",
  env: {
    SSE_MAX_SECONDS: String(RECYCLE_SECONDS),
    RECONCILE_QUIET_SECONDS: "10",
    DATABASE_POOL_MAX: "10",
    NODE_OPTIONS: [
      process.env.PROBE_NODE_OPTIONS ?? "",
      `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${DIR}`,
      INSPECT_PORT ? `--inspect=127.0.0.1:${INSPECT_PORT}` : "",
    ].join(" "),
  },
});
const pool = createPool(pg.url, 2);
const db = createDb(pool);
const clients: EventStreamClient[] = [];

/** Resident memory of the app by kind of mapping: malloc's heap, anonymous (mostly V8's heap), files. */
function mapping(): string {
  const kinds: Record<string, number> = {};
  let kind = "";
  for (const line of readFileSync(`/proc/${app.pid()}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) kind = head[1] === "[heap]" ? "malloc" : head[1] ? (head[1].startsWith("[") ? head[1] : "files") : "anon";
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kinds[kind] = (kinds[kind] ?? 0) + Number(rss[1]) * 1024;
  }
  return Object.entries(kinds)
    .filter(([, n]) => n > 1024 * 1024)
    .map(([k, n]) => `${k} ${mb(n)}`)
    .join(", ");
}

/** Sends one Chrome DevTools Protocol command to the app's inspector. */
async function cdp(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const [target] = (await (await fetch(`http://127.0.0.1:${INSPECT_PORT}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const ws = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const result = await new Promise((resolve) => {
    ws.onmessage = (m) => resolve((JSON.parse(String(m.data)) as { result: unknown }).result);
    ws.send(JSON.stringify({ id: 1, method, params }));
  });
  ws.close();
  return result;
}

/** V8's and Node's view: heap used and committed, external memory, in MB. */
async function heap(): Promise<string> {
  if (!INSPECT_PORT) return "";
  const { result } = (await cdp("Runtime.evaluate", {
    expression: "JSON.stringify(process.memoryUsage())",
    returnByValue: true,
  })) as { result: { value: string } };
  const u = JSON.parse(result.value) as Record<string, number>;
  return ` heap used ${mb(u.heapUsed!)} of ${mb(u.heapTotal!)}, external ${mb(u.external!)}, buffers ${mb(u.arrayBuffers!)}`;
}

/** Signals the app, waits until its snapshot file stops growing, names it. */
async function snapshot(name: string): Promise<void> {
  const rss = app.rss();
  if (!SNAPSHOTS) {
    say(`${name}: RSS ${mb(rss)} MB (${mapping()})${await heap()}`);
    return;
  }
  const before = new Set(readdirSync(DIR));
  process.kill(app.pid()!, "SIGUSR2");
  let file: string | undefined;
  let size = -1;
  for (;;) {
    await sleep(1_000);
    file ??= readdirSync(DIR).find((f) => !before.has(f) && f.endsWith(".heapsnapshot"));
    if (!file) continue;
    const now = statSync(path.join(DIR, file)).size;
    if (now === size && now > 0) break;
    size = now;
  }
  const target = path.join(DIR, `${name}.heapsnapshot`);
  renameSync(path.join(DIR, file), target);
  say(`${name}: RSS ${mb(rss)} MB before the snapshot (${mapping()}); ${target} (${mb(size)} MB)`);
}

try {
  await app.start();
  say(`app pid ${app.pid()}; snapshots in ${DIR}`);
  const sessions = {
    BR001: await signIn(appUrl, "manager@downtown.demo", DEMO_PASSWORD),
    BR002: await signIn(appUrl, "manager@riverside.demo", DEMO_PASSWORD),
  };
  const head = await fetch(`${appUrl}/api/events/stream`, {
    headers: { cookie: sessions.BR001, "accept-encoding": "gzip, deflate, br" },
  });
  say(
    `stream response: content-encoding ${head.headers.get("content-encoding")}, cache-control ${head.headers.get("cache-control")}`,
  );
  await head.body?.cancel();
  // A few requests of each kind first, so that lazily loaded code is not counted as stream cost.
  const warmup = new EventStreamClient(appUrl, sessions.BR001, 1_000);
  warmup.start();
  await warmup.untilLive();
  warmup.close();
  await sleep(3_000);
  await snapshot("0-idle");
  for (let i = 0; i < STREAMS; i++) {
    const client = new EventStreamClient(appUrl, i % 2 ? sessions.BR002 : sessions.BR001, 1_000);
    clients.push(client);
    client.start();
    if (i % 50 === 49) await sleep(100);
  }
  await Promise.all(clients.map((c) => c.untilLive(120_000)));
  await sleep(3_000);
  await snapshot("1-streams");
  await sleep(Number(process.env.PROBE_HOLD_SECONDS ?? 0) * 1000);

  const action = serverAction("issueCardAction");
  const started = Date.now();
  const endAt = started + MINUTES * 60_000;
  let warm = false;
  let issued = 0;
  let nextSample = started;
  while (Date.now() < endAt) {
    if (Date.now() >= nextSample) {
      nextSample += 15_000;
      say(`${((Date.now() - started) / 1000).toFixed(0)} s: RSS ${mb(app.rss())} MB (${mapping()})${await heap()}`);
    }
    if (!warm && Date.now() - started > (MINUTES * 60_000) / 4) {
      warm = true;
      await snapshot("2-warm");
    }
    const code = issued % 2 ? "BR002" : "BR001";
    const [input] = await issueFormInputs(db, code, 1, (issued >> 1) % 200);
    await callAction(appUrl, sessions[code], action, [input]);
    issued++;
    await sleep(60_000 / CARDS_PER_MINUTE);
  }
  await sleep(5_000);
  const frames = clients.reduce((n, c) => n + c.events.length, 0);
  const connects = clients.reduce((n, c) => n + c.connects, 0);
  say(`${issued} cards, ${frames} frames, ${connects} stream connects`);
  await snapshot("3-end");
  if (INSPECT_PORT) {
    await cdp("HeapProfiler.collectGarbage");
    await sleep(2_000);
    say(`after a forced full GC: RSS ${mb(app.rss())} MB (${mapping()})${await heap()}`);
  }
} catch (error) {
  console.error(error);
} finally {
  for (const c of clients) c.close();
  await app.stop();
  await pool.end();
  await sim.stop();
  await pg.dispose();
  if (existsSync(DIR))
    say(
      `done; compare with: npx tsx scripts/heap-diff.ts ${DIR}/0-idle.heapsnapshot ${DIR}/1-streams.heapsnapshot --per ${STREAMS}`,
    );
}
process.exit(0);
