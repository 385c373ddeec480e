// The event-stream route when the database goes away after the caller's session was checked:
// the stream's own first reads fail. Opened as a 200 stream, that failure before the first byte
// reached the browser as a 500; the route now answers 503 with Retry-After, as every route
// does while the database is away. (With the database away before the request, the session
// check already answers 503: lib/shutdown/shutdown.test.ts stops PostgreSQL under the app.)
import { afterAll, expect, it, vi } from "vitest";
import { db } from "@/db";
import { makeCounter } from "@/db/testing/factories";
import { eventHub } from "@/lib/events/listener";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
vi.mock("@/db/queries/events", async (original) => ({
  ...(await original<typeof import("@/db/queries/events")>()),
  latestBranchEventId: () => Promise.reject(refused()),
  branchEventsForResume: () => Promise.reject(refused()),
}));
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: string; branchId: string } }));
vi.mock("@/lib/auth/session", () => ({
  requireRole: () => Promise.resolve(session.user),
  sessionClaims: () => Promise.resolve({ userId: session.user!.id, sessionId: "s", sessionVersion: 1 }),
}));

const { GET } = await import("./route");

afterAll(async () => {
  await eventHub.close();
  await db.$client.end();
});

it.each([
  ["a fresh stream", {}],
  ["a resumed stream", { "last-event-id": "41" }],
])("%s answers 503 unavailable:database with Retry-After when its first read fails", async (_, headers) => {
  const counter = await makeCounter(db);
  session.user = { id: counter.teller.id, role: "teller", branchId: counter.branch.id };
  const response = await GET(new Request("http://app.test/api/events/stream", { headers }));
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(await response.json()).toMatchObject({ code: "unavailable:database" });
});
