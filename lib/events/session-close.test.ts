// Open event streams end with their session: the session_changes NOTIFY reaches every instance,
// and each heartbeat re-checks in case a notice was missed. The admin's real action deactivates
// the teller; only the cookie (Auth.js), request headers and Next.js's cache are replaced.
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { endSession } from "@/db/queries/sessions";
import { insertJobEvent } from "@/db/queries/jobs";
import { updateUser } from "@/db/queries/users";
import { userSessions } from "@/db/schema";
import { makeCounter, makeJob, makeSession, makeUser } from "@/db/testing/factories";
import { env } from "@/lib/env";
import { EventHub, eventHub } from "./listener";
import { branchEventStream } from "./sse";
import { until as waitUntil } from "@/test-support/until";

const until = (probe: () => boolean, what: string) => waitUntil(probe, what, 5_000, 10);

const cookie = vi.hoisted(() => ({ session: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(cookie.session) }));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "203.0.113.5", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { setUserActiveAction } = await import("@/lib/actions/admin/set-user-active");

type Counter = Awaited<ReturnType<typeof makeCounter>>;
const hubs = [new EventHub(env.DATABASE_URL), new EventHub(env.DATABASE_URL)];

beforeAll(() => Promise.all([...hubs, eventHub].map((h) => h.ensureConnected())));
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await Promise.all([...hubs, eventHub].map((h) => h.close()));
  await db.$client.end();
});

/** Reads a stream's job events until it ends. */
function readStream(response: Response) {
  const state = { kinds: [] as string[], live: false, ended: false };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end; (end = buffer.indexOf("\n\n")) >= 0; buffer = buffer.slice(end + 2)) {
        const block = buffer.slice(0, end);
        if (block === ": live") state.live = true;
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) state.kinds.push((JSON.parse(data) as { kind: string }).kind);
      }
    }
    state.ended = true;
  })();
  return state;
}

async function event(counter: Counter, kind: string) {
  const job = await makeJob(db, counter);
  await insertJobEvent({ db, event: { jobId: job.id, branchId: counter.branch.id, kind, state: "requested" } });
}

async function openStream(counter: Counter, user: { id: string; sessionVersion: number } = counter.teller) {
  const session = await makeSession(db, user);
  const abort = new AbortController();
  const stream = readStream(branchEventStream(counter.branch.id, null, abort.signal, session));
  await until(() => stream.live, "the stream to go live");
  return { session, stream, abort };
}

describe("session changes", () => {
  it("reach every instance, for the user concerned only", async () => {
    const branch = (await makeCounter(db)).branch;
    const [user, bystander] = [await makeUser(db, "teller", branch.id), await makeUser(db, "teller", branch.id)];
    const heard = hubs.map(() => [] as string[]);
    const stops = hubs.flatMap((hub, i) => [
      hub.watchUser(user.id, () => void heard[i]!.push("user")),
      hub.watchUser(bystander.id, () => void heard[i]!.push("bystander")),
    ]);
    const session = await makeSession(db, user);
    await endSession({ db, id: session.sessionId, reason: "sign_out" });
    await until(() => heard.every((h) => h.length === 1), "the sign-out on both instances");
    await updateUser({ db, id: user.id, values: { active: false }, endSessions: true });
    await until(() => heard.every((h) => h.length === 2), "the deactivation on both instances");
    expect(heard).toEqual([
      ["user", "user"],
      ["user", "user"],
    ]);
    stops.forEach((stop) => stop());
  });
});

describe("an open event stream", () => {
  it("of a teller deactivated by an admin ends at once and carries no more of the branch's jobs", async () => {
    const riverside = await makeCounter(db);
    const teller = await openStream(riverside);
    // The branch manager's stream stays open: it shows the events were sent.
    const manager = await openStream(riverside, await makeUser(db, "manager", riverside.branch.id));
    await event(riverside, "before");
    await until(() => teller.stream.kinds.includes("before"), "a live event");

    const admin = await makeSession(db, await makeUser(db, "admin", null));
    cookie.session = { user: { id: admin.userId, sessionId: admin.sessionId, sessionVersion: admin.sessionVersion } };
    expect(await setUserActiveAction({ userId: riverside.teller.id, active: false })).toMatchObject({ ok: true });
    // Well before the first heartbeat (15 s): the NOTIFY did it.
    await until(() => teller.stream.ended, "the stream to end");

    await event(riverside, "after");
    await event(riverside, "after-2");
    await until(() => manager.stream.kinds.includes("after-2"), "the manager's stream");
    expect(teller.stream.kinds).toEqual(["before"]);
    expect(manager.stream.ended).toBe(false);
    manager.abort.abort();
  });

  it("ends when its own session is signed out, and a stream of another session stays", async () => {
    const counter = await makeCounter(db);
    const first = await openStream(counter);
    const second = await openStream(counter);
    await event(counter, "before");
    await until(() => first.stream.kinds.includes("before"), "a live event");
    await endSession({ db, id: first.session.sessionId, reason: "sign_out" });
    await until(() => first.stream.ended, "the signed-out stream to end");
    await event(counter, "later");
    await until(() => second.stream.kinds.includes("later"), "the other session's stream");
    expect(second.stream.ended).toBe(false);
    second.abort.abort();
  });

  it("re-checks its session at each heartbeat, for an end nobody announced", async () => {
    vi.useFakeTimers({ toFake: ["setInterval"] });
    const counter = await makeCounter(db);
    const { session, stream } = await openStream(counter);
    // An idle teller's session ends by time passing, which no trigger announces.
    await db
      .update(userSessions)
      .set({ lastSeenAt: sql`now() - interval '1 hour'` })
      .where(eq(userSessions.id, session.sessionId));
    await vi.advanceTimersByTimeAsync(15_000);
    await until(() => stream.ended, "the stream to end at the heartbeat");
    const [record] = await db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(record).toMatchObject({ endReason: "idle" });
  });
});
