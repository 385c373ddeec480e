// One timer drives every open stream: a heartbeat frame shared by all of them, one session
// check per session (not per stream) at each heartbeat, and the recycle deadline.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionCheck, SessionClaims } from "@/lib/auth/session-check";

const sessions = vi.hoisted(() => ({
  checked: [] as string[],
  ended: new Set<string>(),
  gate: null as Promise<void> | null,
}));
vi.mock("@/lib/auth/session-check", () => ({
  checkSession: async (claims: SessionClaims): Promise<SessionCheck> => {
    sessions.checked.push(claims.sessionId);
    // What the database says when the query runs; the answer may arrive later.
    const ended = sessions.ended.has(claims.sessionId);
    if (sessions.gate) await sessions.gate;
    return ended
      ? { ok: false, ended: "revoked" }
      : ({ ok: true, idleSeconds: 0, user: {} } as unknown as SessionCheck);
  },
}));

const { HEARTBEAT_MS, openStreamCount, recheckSession, track } = await import("./open-streams");

const claims = (sessionId: string): SessionClaims => ({ userId: `user-${sessionId}`, sessionId, sessionVersion: 1 });

function fakeStream(sessionId: string, endsAt = Date.now() + 3_600_000) {
  const stream = {
    claims: claims(sessionId),
    endsAt,
    frames: [] as Uint8Array[],
    ended: false,
    write: (bytes: Uint8Array) => void stream.frames.push(bytes),
    end: () => {
      stream.ended = true;
      untrack();
    },
  };
  const untrack = track(stream);
  return stream;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  sessions.checked.length = 0;
  sessions.ended.clear();
  sessions.gate = null;
});
afterEach(() => vi.useRealTimers());

describe("open streams", () => {
  it("get one shared heartbeat frame, and each session is checked once however many streams it has", async () => {
    const mine = [fakeStream("a"), fakeStream("a"), fakeStream("a")];
    const other = fakeStream("b");
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    for (const stream of [...mine, other]) expect(stream.frames).toHaveLength(1);
    expect(new TextDecoder().decode(other.frames[0])).toBe(": heartbeat\n\n");
    // The same bytes for every stream: encoded once, not per stream.
    expect(mine[0]!.frames[0]).toBe(other.frames[0]);
    expect(sessions.checked.sort()).toEqual(["a", "b"]);
    [...mine, other].forEach((s) => s.end());
    expect(openStreamCount()).toBe(0);
  });

  it("ends every stream of a session that no longer holds, and only those", async () => {
    const mine = [fakeStream("a"), fakeStream("a")];
    const other = fakeStream("b");
    sessions.ended.add("a");
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(mine.map((s) => s.ended)).toEqual([true, true]);
    expect(other.ended).toBe(false);
    other.end();
  });

  it("keeps beating for the other streams when writing to one fails", async () => {
    const broken = fakeStream("a");
    broken.write = () => {
      throw new TypeError("Invalid state: Controller is already closed");
    };
    const healthy = fakeStream("b");
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    expect(healthy.frames).toHaveLength(2);
    expect(openStreamCount()).toBe(1);
    healthy.end();
  });

  it("ends a stream at its recycle deadline, within a second", async () => {
    const short = fakeStream("a", Date.now() + 3_000);
    const long = fakeStream("a");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(short.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(short.ended).toBe(true);
    expect(long.ended).toBe(false);
    long.end();
  });

  it("checks once more after a running check when told of a change meanwhile", async () => {
    const stream = fakeStream("a");
    let release = () => {};
    sessions.gate = new Promise<void>((r) => (release = r));
    const first = recheckSession(stream.claims);
    // The change commits while the first check is reading: these calls must not be lost in it.
    sessions.ended.add("a");
    const joined = [recheckSession(stream.claims), recheckSession(stream.claims)];
    sessions.gate = null;
    release();
    await Promise.all([first, ...joined]);
    expect(sessions.checked).toEqual(["a", "a"]);
    expect(stream.ended).toBe(true);
  });
});
