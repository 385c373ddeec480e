// Live job events over real PostgreSQL LISTEN/NOTIFY: two hubs stand for two app instances.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { insertJobEvent } from "@/db/queries/jobs";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { env } from "@/lib/env";
import { EventHub, eventHub } from "./listener";
import { branchEventStream } from "./sse";

type Counter = Awaited<ReturnType<typeof makeCounter>>;
let a: Counter;
let b: Counter;
const hubs = [new EventHub(env.DATABASE_URL), new EventHub(env.DATABASE_URL)];

function collect(hub: EventHub, branchId: string) {
  const got: Array<{ id: number; kind: string; detail: Record<string, unknown> }> = [];
  const stop = hub.subscribe(branchId, (id, payload) => {
    const e = JSON.parse(payload) as { kind: string; detail: Record<string, unknown> };
    got.push({ id, kind: e.kind, detail: e.detail });
  });
  return { got, stop };
}

async function until(probe: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
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
  it("sends live events and, after a reconnect with Last-Event-ID, exactly the missed ones in order", async () => {
    const job = await makeJob(db, a);
    const first = new AbortController();
    const live = readFrames(branchEventStream(a.branch.id, null, first.signal));
    await until(() => live.live === true, "the stream to go live");
    await event(a, job.id, "one");
    await until(() => live.length === 1, "the live event");
    first.abort();

    const lastSeen = live[0]!.id;
    await event(a, job.id, "two");
    await event(a, job.id, "three");
    await event(b, (await makeJob(db, b)).id, "other-branch");

    const second = new AbortController();
    const resumed = readFrames(branchEventStream(a.branch.id, lastSeen, second.signal));
    await until(() => resumed.length === 2, "the replay");
    await event(a, job.id, "four");
    await until(() => resumed.length === 3, "live after replay");
    second.abort();
    expect(resumed.map((f) => f.kind)).toEqual(["two", "three", "four"]);
    expect(new Set(resumed.map((f) => f.id)).size).toBe(3);
  });
});
