// The cluster test's verdict (scripts/cluster-test.ts): every card done at D1 and produced
// exactly once, and every stream holding every event of its branch that the database recorded.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { issuanceJobs, jobEvents } from "../../db/schema/index.ts";
import { until } from "./cluster.ts";
import type { FailoverStreamClient } from "./failover-stream.ts";

type Sim = {
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
};
type Counters = {
  productionsStarted: Record<string, number>;
  productionsStartedByIssuerRequestId: Record<string, number>;
  notifications: { gaveUp: number };
};

/** Waits for every job to finish, then checks each against D1: done, produced exactly once. */
export async function checkCards(options: { db: Database; sim: Sim; jobIds: string[]; requestKeys: string[] }) {
  const { db, sim, jobIds, requestKeys } = options;
  const FINAL = ["done", "data_exception", "production_exception", "canceled", "submission_failed", "rejected"];
  const rows = () => db.select().from(issuanceJobs).where(inArray(issuanceJobs.id, jobIds));
  await until(async () => (await rows()).every((j) => FINAL.includes(j.state)), 240_000);
  const jobs = await rows();
  const counters = await sim.admin<Counters>("GET", "/counters");
  const problems: string[] = [];
  const [{ n: perKey } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(issuanceJobs)
    .where(inArray(issuanceJobs.requestKey, requestKeys));
  if (perKey !== jobIds.length) problems.push(`${perKey} jobs for ${jobIds.length} requests`);
  let done = 0;
  let producedOnce = 0;
  for (const job of jobs) {
    const order = await sim.admin<{ latest: { details: { status: string } } }>("GET", `/orders/${job.cardId}`);
    if (job.state === "done" && order.latest.details.status === "CARD_PROD_DONE") done++;
    else problems.push(`${job.cardId}: ${job.state}, D1 ${order.latest.details.status}`);
    const produced = counters.productionsStarted[job.cardId] ?? 0;
    const byRequest = counters.productionsStartedByIssuerRequestId[job.issuerRequestId] ?? 0;
    if (produced === 1 && byRequest === 1) producedOnce++;
    else problems.push(`${job.cardId}: produced ${produced}× (${byRequest}× for its issuer request id)`);
  }
  return { done, producedOnce, problems, notificationsGivenUp: counters.notifications.gaveUp };
}

/** Compares what each stream received with its branch's events in the database. */
export async function checkStreams(options: {
  db: Database;
  clients: FailoverStreamClient[];
  branchOf: string[];
  after: number;
}) {
  const { db, clients, branchOf, after } = options;
  const expected = new Map<string, Set<number>>();
  for (const branchId of new Set(branchOf)) {
    const rows = await db
      .select({ id: jobEvents.id })
      .from(jobEvents)
      .where(and(eq(jobEvents.branchId, branchId), gt(jobEvents.id, after)));
    expected.set(branchId, new Set(rows.map((r) => r.id)));
  }
  const missing = (i: number) => {
    const seen = new Set(clients[i]!.events.map((e) => e.id));
    return [...expected.get(branchOf[i]!)!].filter((id) => !seen.has(id));
  };
  // The last events may still be on their way.
  await until(() => clients.every((_, i) => missing(i).length === 0), 60_000);
  const problems: string[] = [];
  let missed = 0;
  let foreign = 0;
  clients.forEach((client, i) => {
    const lost = missing(i);
    const wanted = expected.get(branchOf[i]!)!;
    const other = client.events.filter((e) => !wanted.has(e.id));
    missed += lost.length;
    foreign += other.length;
    if (lost.length) problems.push(`stream ${i} on ${client.current} missed events ${lost.slice(0, 5).join(", ")}`);
    if (other.length)
      problems.push(
        `stream ${i} got events not of its branch: ${other
          .slice(0, 5)
          .map((e) => e.id)
          .join(", ")}`,
      );
  });
  return {
    recorded: [...expected.values()].reduce((n, s) => n + s.size, 0),
    delivered: clients.reduce((n, c) => n + c.events.length, 0),
    missed,
    foreign,
    problems,
  };
}
