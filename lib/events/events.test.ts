// Live job events over real PostgreSQL LISTEN/NOTIFY: two hubs stand for two app instances.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { insertJobEvent } from "@/db/queries/jobs";
import { makeCounter, makeJob, makeSession } from "@/db/testing/factories";
import { env } from "@/lib/env";
import { EventHub, eventHub } from "./listener";
import { pollBranchEvents } from "./poll";
import { branchEventStream, recycleAfterMs } from "./sse";
import { until as waitUntil } from "@/test-support/until";

// The deadline only ends a failing run: a loaded machine may take seconds to reconnect.
const until = (probe: () => boolean, what: string) => waitUntil(probe, what, 15_000, 10);

type Counter = Awaited<ReturnType<typeof makeCounter>>;
let a: Counter;
let b: Counter;
/** The signed-in session of a's teller, which every stream of branch a belongs to. */
let tellerA: Awaited<ReturnType<typeof makeSession>>;
const hubs = [new EventHub(env.DATABASE_URL), new EventHub(env.DATABASE_URL)];

function collect(hub: EventHub, branchId: string) {
  const got: Array<{ id: number; kind: string; detail: Record<string, unknown> }> = [];
  const stop = hub.subscribe(branchId, (id, payload) => {
    const e = JSON.parse(payload) as { kind: string; detail: Record<string, unknown> };
    got.push({ id, kind: e.kind, detail: e.detail });
  });
  return { got, stop };
}

async function event(counter: Counter, jobId: string, kind: string, detail: Record<string, unknown> = {}) {
  await insertJobEvent({ db, event: { jobId, branchId: counter.branch.id, kind, state: "requested", detail } });
}

/** Reads SSE frames from a stream into a list of {id, kind}. */
function readFrames(response: Response) {
  const frames: Array<{ id: number; kind: string }> & { live?: boolean } = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block === ": live") frames.live = true;
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data) frames.push({ id: Number(id), kind: (JSON.parse(data) as { kind: string }).kind });
      }
    }
  })();
  return frames;
}

beforeAll(async () => {
  a = await makeCounter(db);
  b = await makeCounter(db);
  tellerA = await makeSession(db, a.teller);
  await Promise.all([...hubs, eventHub].map((h) => h.ensureConnected()));
});

afterAll(async () => {
  await Promise.all([...hubs, eventHub].map((h) => h.close()));
  await db.$client.end();
});

describe("job event fan-out", () => {
  it("reaches every app instance, only for the subscribed branch", async () => {
    const job = await makeJob(db, a);
    const [one, two] = hubs.map((h) => collect(h, a.branch.id));
    const other = collect(hubs[0]!, b.branch.id);
    await event(a, job.id, "instance-test");
    await until(() => one!.got.length === 1 && two!.got.length === 1, "both instances");
    expect(one!.got[0]?.kind).toBe("instance-test");
    expect(two!.got[0]?.id).toBe(one!.got[0]?.id);
    expect(other.got).toHaveLength(0);
    [one, two, other].forEach((c) => c!.stop());
  });

  it("a subscriber that throws does not keep the event from the branch's other subscribers", async () => {
    const [hub] = hubs;
    const broken = hub!.subscribe(a.branch.id, () => {
      throw new Error("controller already closed");
    });
    const { got, stop } = collect(hub!, a.branch.id);
    const job = await makeJob(db, a);
    await event(a, job.id, "after-a-broken-one");
    await until(() => got.some((e) => e.kind === "after-a-broken-one"), "the healthy subscriber gets the event");
    broken();
    stop();
  });

  it("after losing its database connection, catches up on the events committed meanwhile", async () => {
    const c = await makeCounter(db);
    // Its own application name: only its connection is cut, not the other hubs of this file nor
    // those of test files running beside it on the same database (whose events would then arrive
    // only after their own reconnect, or, for stock changes, as a resync).
    const name = `branch-issuance-events-${randomUUID()}`;
    const hub = new EventHub(env.DATABASE_URL, name);
    const sub = collect(hub, c.branch.id);
    await hub.ensureConnected();
    const job = await makeJob(db, c);
    await event(c, job.id, "before");
    await until(() => sub.got.length === 1, "the first event");
    // What a database restart does to the listening connection.
    await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = ${name}`);
    await until(() => !hub.connected, "the hub to notice");
    await event(c, job.id, "while-away");
    await until(() => sub.got.some((e) => e.kind === "while-away"), "the event committed while reconnecting");
    await event(c, job.id, "after");
    await until(() => sub.got.some((e) => e.kind === "after"), "live events again");
    // (The catch-up may hand over an event twice; streams skip ids they have sent.)
    expect([...new Set(sub.got.map((e) => e.kind))]).toEqual(["before", "while-away", "after"]);
    sub.stop();
    await hub.close();
  });

  it("delivers an event too big for NOTIFY by loading it", async () => {
    const job = await makeJob(db, a);
    const sub = collect(hubs[1]!, a.branch.id);
    await event(a, job.id, "big", { note: "x".repeat(9_000) });
    await until(() => sub.got.length === 1, "the oversized event");
    expect(String(sub.got[0]?.detail.note)).toHaveLength(9_000);
    sub.stop();
  });
});

describe("the branch SSE stream", () => {
  it("sends live events and, after a reconnect with Last-Event-ID, every missed one in order", async () => {
    const job = await makeJob(db, a);
    const first = new AbortController();
    const live = readFrames(branchEventStream(a.branch.id, null, first.signal, tellerA));
    await until(() => live.live === true, "the stream to go live");
    await event(a, job.id, "one");
    await until(() => live.length === 1, "the live event");
    first.abort();

    const lastSeen = live[0]!.id;
    await event(a, job.id, "two");
    await event(a, job.id, "three");
    await event(b, (await makeJob(db, b)).id, "other-branch");

    const second = new AbortController();
    const resumed = readFrames(branchEventStream(a.branch.id, lastSeen, second.signal, tellerA));
    const after = () => resumed.filter((f) => f.id > lastSeen);
    await until(() => after().length === 2, "the replay");
    await event(a, job.id, "four");
    await until(() => after().length === 3, "live after replay");
    second.abort();
    expect(after().map((f) => f.kind)).toEqual(["two", "three", "four"]);
    // Besides, a short window before Last-Event-ID is sent again (events that commit late),
    // but never the acknowledged event itself and never anything twice.
    expect(resumed.some((f) => f.id === lastSeen)).toBe(false);
    expect(new Set(resumed.map((f) => f.id)).size).toBe(resumed.length);
  });

  it("delivers an event that commits after one with a higher id, live and after a resume", async () => {
    const job = await makeJob(db, a);
    const first = new AbortController();
    const live = readFrames(branchEventStream(a.branch.id, null, first.signal, tellerA));
    await until(() => live.live === true, "the stream to go live");
    // A slow transaction takes its event id first and commits last, as the worker's "accepted"
    // transaction does when D1's REQUESTED notification overtakes it.
    const slow = await db.$client.connect();
    try {
      await slow.query("begin");
      await slow.query("insert into job_events (job_id, branch_id, kind, state) values ($1, $2, 'late', 'requested')", [
        job.id,
        a.branch.id,
      ]);
      await event(a, job.id, "early");
      await until(() => live.some((f) => f.kind === "early"), "the early event");
      const resumeFrom = live.find((f) => f.kind === "early")!.id;
      first.abort();
      await slow.query("commit");
      const second = new AbortController();
      const resumed = readFrames(branchEventStream(a.branch.id, resumeFrom, second.signal, tellerA));
      await until(() => resumed.some((f) => f.kind === "late"), "the late event after the resume");
      second.abort();
      expect(resumed.find((f) => f.kind === "late")!.id).toBeLessThan(resumeFrom);
    } finally {
      slow.release();
    }

    // Live: the late one still reaches an open stream after a higher id went out.
    const third = new AbortController();
    const open = readFrames(branchEventStream(a.branch.id, null, third.signal, tellerA));
    await until(() => open.live === true, "the third stream to go live");
    const again = await db.$client.connect();
    try {
      await again.query("begin");
      await again.query(
        "insert into job_events (job_id, branch_id, kind, state) values ($1, $2, 'late-live', 'requested')",
        [job.id, a.branch.id],
      );
      await event(a, job.id, "early-live");
      await until(() => open.some((f) => f.kind === "early-live"), "the early live event");
      await again.query("commit");
      await until(() => open.some((f) => f.kind === "late-live"), "the late event, live");
    } finally {
      again.release();
      third.abort();
    }
  });

  it("polls an event that commits after the poll returned one with a higher id", async () => {
    const job = await makeJob(db, a);
    const slow = await db.$client.connect();
    try {
      await slow.query("begin");
      await slow.query(
        "insert into job_events (job_id, branch_id, kind, state) values ($1, $2, 'late-poll', 'requested')",
        [job.id, a.branch.id],
      );
      await event(a, job.id, "early-poll");
      const first = await pollBranchEvents(a.branch.id, 0);
      const cursor = first.find((e) => e.kind === "early-poll")!.id;
      expect(first.some((e) => e.kind === "late-poll")).toBe(false);
      await slow.query("commit");
      const next = await pollBranchEvents(a.branch.id, cursor);
      expect(next.find((e) => e.kind === "late-poll")!.id).toBeLessThan(cursor);
      expect(next.some((e) => e.id === cursor)).toBe(false);
    } finally {
      slow.release();
    }
  });
});

describe("stream recycling", () => {
  it("spreads the ends of streams opened together over the last tenth of SSE_MAX_SECONDS", () => {
    expect([0, 0.5, 1].map((random) => recycleAfterMs(60, random))).toEqual([54_000, 57_000, 60_000]);
  });
});
