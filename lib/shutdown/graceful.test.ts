// The shutdown's order against real event streams (real database, real LISTEN): readiness goes
// first, the streams are told to reconnect and end, the worker and the connections close last,
// and the process exits 0 within the grace. The whole app under SIGTERM: shutdown.test.ts.
import { afterAll, afterEach, expect, it } from "vitest";
import { db } from "@/db";
import { makeCounter, makeSession } from "@/db/testing/factories";
import { eventHub } from "@/lib/events/listener";
import { branchEventStream, openBranchEventStream } from "@/lib/events/sse";
import { until } from "@/test-support/until";
import { shutDown, type ShutdownSteps } from "./graceful";
import { isDraining, resetShutdownState } from "./state";

afterEach(() => resetShutdownState());
afterAll(async () => {
  await eventHub.close();
  await db.$client.end();
});

/** Reads an event stream's raw text until it ends. */
function readText(response: Response) {
  const state = { text: "", ended: false };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      state.text += decoder.decode(value, { stream: true });
    }
    state.ended = true;
  })();
  return state;
}

function recordingSteps(overrides: Partial<ShutdownSteps> = {}) {
  const done: string[] = [];
  const exits: number[] = [];
  const steps: ShutdownSteps = {
    drainMs: 50,
    graceMs: 5_000,
    closeServers: () => {
      done.push(`close servers (draining: ${isDraining()})`);
      return Promise.resolve();
    },
    closeIdleConnections: () => {},
    stopWorker: () => {
      done.push("stop worker");
      return Promise.resolve("finished");
    },
    closeListener: () => {
      done.push("close listener");
      return Promise.resolve();
    },
    closePool: () => {
      done.push("close pool");
      return Promise.resolve();
    },
    log: (fields) => done.push(String(fields.event)),
    exit: (code) => void exits.push(code),
    ...overrides,
  };
  return { steps, done, exits };
}

it("turns readiness off first, then sends open streams elsewhere with a short retry, then closes and exits 0", async () => {
  const counter = await makeCounter(db);
  const session = await makeSession(db, counter.teller);
  const stream = readText(branchEventStream(counter.branch.id, null, new AbortController().signal, session));
  await until(() => stream.text.includes(": live"), "the stream to go live", 5_000, 10);

  const { steps, done, exits } = recordingSteps();
  await shutDown("SIGTERM", steps);

  expect(done).toEqual([
    "shutdown_draining",
    "close servers (draining: true)",
    "shutdown_closing",
    "stop worker",
    "close listener",
    "close pool",
    "shutdown_done",
  ]);
  expect(exits).toEqual([0]);
  await until(() => stream.ended, "the stream to end", 5_000, 10);
  // The last thing the browser hears: reconnect after about a second (to another instance).
  const retry = /retry: (\d+)\n: reconnect elsewhere\n\n$/.exec(stream.text);
  expect(retry).not.toBeNull();
  expect(Number(retry![1])).toBeGreaterThanOrEqual(250);
  expect(Number(retry![1])).toBeLessThan(2_000);

  // A stream asked for while the instance closes is sent elsewhere at once.
  const late = readText(await openBranchEventStream(counter.branch.id, null, new AbortController().signal, session));
  await until(() => late.ended, "the late stream to end", 5_000, 10);
  expect(late.text).toMatch(/^retry: \d+\n: reconnect elsewhere\n\n$/);
});

it("hands the worker only what is left of the grace, and exits 1 if a step hangs past it", async () => {
  const budgets: number[] = [];
  const { steps, exits } = recordingSteps({
    graceMs: 2_000,
    drainMs: 0,
    stopWorker: (timeoutMs) => {
      budgets.push(timeoutMs);
      return new Promise<string>(() => {});
    },
  });
  void shutDown("SIGTERM", steps);
  await until(() => exits.length > 0, "the backstop to exit", 5_000, 20);
  expect(exits).toEqual([1]);
  expect(budgets[0]).toBeLessThanOrEqual(500);
});
