// The parts of the cluster test (scripts/cluster-test.ts): signed-in sessions on every instance,
// event streams spread over the instances, cards issued through whichever instance is up (a
// request lost with its instance is sent again, with the same request key, to the next one), a
// SIGTERM watched until the instance is gone (the checks at the end: cluster-checks.ts).
import { readFileSync } from "node:fs";
import http from "node:http";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { DEMO_PASSWORD } from "../../db/seed-data.ts";
import { branches, jobEvents } from "../../db/schema/index.ts";
import { callAction, serverAction, signIn } from "./app-client.ts";
import { groupPids, issueFormInputs, type AppUnderTest } from "./app-harness.ts";
import { FailoverStreamClient, type Balancer } from "./failover-stream.ts";

const BRANCHES = [
  { code: "BR001", users: ["teller@downtown.demo", "manager@downtown.demo"] },
  { code: "BR002", users: ["teller@riverside.demo", "manager@riverside.demo"] },
] as const;
type BranchCode = (typeof BRANCHES)[number]["code"];
/** Per instance, per branch: the signed-in cookies of that branch's teller and manager. */
export type Sessions = Array<Record<BranchCode, string[]>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(probe: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) return false;
    await sleep(500);
  }
  return true;
}

/** Every demo teller and manager signs in once on every instance, through the real sign-in. */
export async function signInAll(urls: readonly string[]): Promise<Sessions> {
  const sessions: Sessions = [];
  for (const url of urls) {
    const perBranch = {} as Record<BranchCode, string[]>;
    for (const branch of BRANCHES)
      perBranch[branch.code] = await Promise.all(branch.users.map((email) => signIn(url, email, DEMO_PASSWORD)));
    sessions.push(perBranch);
  }
  return sessions;
}

/** `count` streams, round-robin over the instances and the two branches' tellers and managers. */
export async function openStreams(options: { db: Database; balancer: Balancer; sessions: Sessions; count: number }) {
  const { db, balancer, sessions, count } = options;
  const ids = Object.fromEntries(
    (await db.select({ id: branches.id, code: branches.code }).from(branches)).map((b) => [b.code, b.id]),
  );
  const clients: FailoverStreamClient[] = [];
  const branchOf: string[] = [];
  for (let i = 0; i < count; i++) {
    const instance = i % balancer.urls.length;
    const branch = BRANCHES[Math.floor(i / balancer.urls.length) % BRANCHES.length]!;
    const cookies = sessions[instance]![branch.code];
    const client = new FailoverStreamClient(balancer, cookies[i % cookies.length]!, instance);
    client.start();
    clients.push(client);
    branchOf.push(ids[branch.code]!);
    if (i % 50 === 49) await sleep(200);
  }
  await Promise.all(clients.map((c) => c.untilLive(120_000)));
  // Every stream is live from here: each must deliver every event of its branch after this id.
  const [row] = await db.select({ id: sql<number>`coalesce(max(${jobEvents.id}), 0)::int` }).from(jobEvents);
  return { clients, branchOf, startEventId: row?.id ?? 0 };
}

/** Issues cards through the live instances, `parallel` tellers at a time, both branches. */
export class ClusterIssuer {
  readonly jobIds: string[] = [];
  readonly requestKeys: string[] = [];
  readonly errors: string[] = [];
  /** Requests sent again to another instance after theirs went away. */
  retries = 0;
  private next = 0;

  constructor(private readonly options: { db: Database; balancer: Balancer; sessions: Sessions }) {}

  async issue(total: number, parallel: number): Promise<void> {
    const action = serverAction("issueCardAction");
    const inputs = await Promise.all(
      BRANCHES.map((b) => issueFormInputs(this.options.db, b.code, Math.ceil(total / BRANCHES.length))),
    );
    const teller = async () => {
      while (this.next < total) {
        const i = this.next++;
        const b = i % BRANCHES.length;
        const input = inputs[b]![Math.floor(i / BRANCHES.length)]!;
        this.requestKeys.push(input.requestKey);
        await this.send(i, BRANCHES[b]!.code, action, input);
        await sleep(250);
      }
    };
    await Promise.all(Array.from({ length: parallel }, teller));
  }

  /** Resolves once `test` holds for the number of cards requested so far. */
  async until(test: (requested: number) => boolean): Promise<void> {
    while (!test(this.jobIds.length + this.errors.length)) await sleep(100);
  }

  private async send(i: number, code: BranchCode, action: ReturnType<typeof serverAction>, input: unknown) {
    const { balancer } = this.options;
    const { urls } = balancer;
    const isLeaving = (url: string) => balancer.isLeaving(url);
    for (let attempt = 0; attempt < urls.length * 2; attempt++) {
      const instance = (i + attempt) % urls.length;
      const url = urls[instance]!;
      if (isLeaving(url) && attempt < urls.length) continue;
      // The teller's own session of that instance (any instance's cookie is valid everywhere).
      const cookie = this.options.sessions[instance]![code][0]!;
      const result = await callAction(url, cookie, action, [input]).catch((error: unknown) => ({
        status: 0,
        body: String((error as Error).cause ?? error),
        redirect: null,
      }));
      const id = /\/teller\/jobs\/([0-9a-f-]{36})/.exec(result.redirect ?? "")?.[1];
      if (id) {
        this.jobIds.push(id);
        return;
      }
      // Lost with its instance: the balancer sends the same request (same request key) elsewhere.
      if (isLeaving(url) && (result.status === 0 || result.status >= 500)) {
        this.retries++;
        continue;
      }
      this.errors.push(`${url}: ${result.status} ${result.body.slice(0, 200)}`);
      return;
    }
    this.errors.push(`card ${i}: no instance took it`);
  }

  /** Error-level lines of an instance's log, up to the moment it was told to go (if it was). */
  errorLinesOf(logFile: string, leftAt: number | undefined): string[] {
    let text = "";
    try {
      text = readFileSync(logFile, "utf8");
    } catch {
      return [];
    }
    return text.split("\n").filter((line) => {
      if (!line.startsWith("{")) return false;
      try {
        const entry = JSON.parse(line) as { level?: number; time?: number };
        return (entry.level ?? 0) >= 50 && (leftAt === undefined || (entry.time ?? 0) < leftAt);
      } catch {
        return false;
      }
    });
  }
}

/** /api/ready on a new connection each time, as a balancer's health check (fetch would reuse one). */
function healthCheck(url: string): Promise<number | "down"> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/api/ready`, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? "down");
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve("down"));
  });
}

/**
 * SIGTERM to the instance's process group, then what an orchestrator does: wait up to `graceMs`
 * for it to go by itself, SIGKILL after that. Readiness is watched meanwhile (a draining instance
 * may answer 503 before it goes); how it went is reported, not judged: a plain `next start`
 * waits for its open streams to end before it exits, an instance that hands them back goes sooner.
 */
export async function stopWithSigterm(app: AppUnderTest, graceMs: number) {
  const pgid = app.pid();
  const sent = Date.now();
  if (pgid) process.kill(-pgid, "SIGTERM");
  const readiness: Array<number | "down"> = [];
  let killedAfterMs: number | null = null;
  while (pgid && groupPids(pgid).length > 0) {
    if (Date.now() - sent > graceMs) {
      killedAfterMs = Date.now() - sent;
      await app.kill9();
      break;
    }
    const status = await healthCheck(app.url);
    if (readiness.at(-1) !== status) readiness.push(status);
    await sleep(100);
  }
  const exitedByItselfMs = killedAfterMs === null ? Date.now() - sent : null;
  await app.kill9();
  return { exitedByItselfMs, killedAfterMs, readiness };
}

/** Waits until every stream is live again on an instance that is not leaving. */
export async function untilAllLiveOnSurvivors(clients: FailoverStreamClient[], balancer: Balancer, timeoutMs: number) {
  const onSurvivor = () => clients.filter((c) => c.live && !balancer.isLeaving(c.current)).length;
  await until(() => onSurvivor() === clients.length, timeoutMs);
  return onSurvivor();
}
