// Property-based fuzzing of D1's two entry points, through their real route handlers and the
// real database: malformed bodies and headers get a 4xx, never a 5xx, and change nothing.
import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenRoute } from "@/app/authz/d1/v1/oauth2/token/route";
import { POST as notifyRoute } from "@/app/notifications/d1/v2/issuers/[issuerId]/cards/route";
import { db } from "@/db";
import { auditLog, issuanceJobs, jobEvents } from "@/db/schema";
import { makeCounter, makeJob } from "@/db/testing/factories";

const ISSUER = "ISSUER0001";
const CLIENT = "d1-test-client";
const SECRET = "d1-test-secret-d1-test-secret";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

let token: string;
let cardIds: string[] = [];
let jobIds: string[] = [];

/** What the fuzzed calls must never change: our jobs, their events and audit entries. */
async function snapshot() {
  const jobs = await db
    .select({ id: issuanceJobs.id, state: issuanceJobs.state, updatedAt: issuanceJobs.updatedAt })
    .from(issuanceJobs)
    .where(inArray(issuanceJobs.id, jobIds))
    .orderBy(issuanceJobs.id);
  const [events] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobEvents)
    .where(inArray(jobEvents.jobId, jobIds));
  const [audits] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(inArray(auditLog.entityId, jobIds));
  return { jobs, events: events?.n, audits: audits?.n };
}

/** A valid operation for one of our jobs: it would move the job if the body were accepted. */
const validOp = () =>
  fc
    .record({
      cardId: fc.constantFrom(...cardIds),
      status: fc.constantFrom("CARD_PROD_READY", "CARD_PROD_DONE", "CARD_PROD_DATA_EXCEPTION"),
      n: fc.integer({ min: 0, max: 1e6 }),
    })
    .map(({ cardId, status, n }) => ({
      operationId: `fuzz-${n}`,
      operation: "PRODUCE",
      status: status === "CARD_PROD_DONE" ? "SUCCESSFUL" : "PENDING",
      startTime: new Date().toISOString(),
      cardId,
      details: { status },
    }));

/** Text with one control character PostgreSQL or a spreadsheet would choke on: C0, DEL, C1, a lone surrogate. */
const controlText = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.oneof(
        fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
        fc.integer({ min: 0x7f, max: 0x9f }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
      ),
      fc.string({ maxLength: 12 }),
    )
    .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`.slice(0, 30));

/** A valid operation with a control character in one of its text fields. */
const controlOp = () =>
  fc
    .tuple(
      validOp(),
      fc.constantFrom("operation", "status", "startTime", "endTime", "errorCode", "error", "issuerRequestId", "reason"),
      controlText(),
    )
    .map(([op, key, value]) =>
      key === "reason" ? { ...op, details: { ...op.details, reason: value } } : { ...op, [key]: value },
    );

/** One operation broken in a way the schema must refuse. */
const brokenOp = () =>
  fc.oneof(
    controlOp(),
    fc
      .tuple(
        validOp(),
        fc.constantFrom<[string, unknown]>(
          ["operationId", "has spaces"],
          ["operationId", "x".repeat(65)],
          ["operationId", 42],
          ["operation", ""],
          ["status", "S".repeat(33)],
          ["status", null],
          ["cardId", "card/../../etc"],
          ["cardId", { $ne: null }],
          ["details", "CARD_PROD_DONE"],
          ["details", { status: "" }],
          ["errorCode", "e".repeat(129)],
          ["startTime", 1700000000],
          ["error", "card\u0000jam"],
          ["details", { status: "CARD_PROD_DONE\u0000" }],
        ),
      )
      .map(([op, [key, value]]) => ({ ...op, [key]: value })),
  );

const malformedBody = (): fc.Arbitrary<string> =>
  fc.oneof(
    // Not JSON, or JSON of the wrong shape.
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.record({ operations: fc.jsonValue({ maxDepth: 3 }) }).map((v) => JSON.stringify(v)),
    fc.constant('{"operations":[]}'),
    fc.constant('{"operations":'),
    fc.constant("\u0000\uFFFF"),
    // Valid operations for real jobs with one broken operation among them: nothing may apply.
    fc.tuple(fc.array(validOp(), { minLength: 0, maxLength: 5 }), brokenOp(), fc.nat()).map(([ops, bad, at]) => {
      ops.splice(at % (ops.length + 1), 0, bad);
      return JSON.stringify({ operations: ops });
    }),
    // More than 1000 operations.
    validOp().map((op) => JSON.stringify({ operations: Array.from({ length: 1001 }, () => op) })),
  );

function notify(body: string, headers: Record<string, string>, issuerId = ISSUER) {
  return notifyRoute(
    new Request(`http://app/notifications/d1/v2/issuers/${encodeURIComponent(issuerId)}/cards`, {
      method: "POST",
      headers,
      body,
    }),
    { params: Promise.resolve({ issuerId }) },
  );
}

beforeAll(async () => {
  const counter = await makeCounter(db);
  const jobs = await Promise.all(Array.from({ length: 3 }, () => makeJob(db, counter, { state: "requested" })));
  jobIds = jobs.map((j) => j.id);
  cardIds = jobs.map((j) => j.cardId);
  const response = await tokenRoute(
    new Request("http://app/authz/d1/v1/oauth2/token", {
      method: "POST",
      headers: { authorization: basic(CLIENT, SECRET), "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    }),
  );
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => db.$client.end());

describe("notification receiver under malformed input", () => {
  it("answers 400/413 to thousands of malformed bodies with a valid token, and applies nothing", async () => {
    const before = await snapshot();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        malformedBody(),
        fc.constantFrom("application/json", "text/plain", "", "application/json; charset=utf-16"),
        async (body, type) => {
          const response = await notify(body, {
            authorization: `Bearer ${token}`,
            ...(type ? { "content-type": type } : {}),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect([400, 413]).toContain(response.status);
          const answer = (await response.json()) as { code: string; message: string };
          expect(answer.code).toMatch(/^(bad_request|too_large):notification$/);
          expect(answer.message.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 1500 },
    );
    expect(await snapshot()).toEqual(before);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(1500);
  });

  it("answers 401/404 to bad credentials and unknown issuers whatever the body, and applies nothing", async () => {
    const before = await snapshot();
    const wrongKey = await new SignJWT({ scope: "notifications" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode("not-our-secret-not-our-secret-000"));
    const authorization = fc.oneof(
      fc.constant(""),
      fc.string({ maxLength: 80 }).map((s) => `Bearer ${s.replace(/[\r\n\0]/g, "")}`),
      fc.constant(`Bearer ${wrongKey}`),
      fc.constant(`Bearer ${token.slice(0, -2)}xx`),
      fc.constant(`Basic ${Buffer.from(`${CLIENT}:${SECRET}`).toString("base64")}`),
      fc.constant(`Bearer ${token.split(".").slice(0, 2).join(".")}.`),
      fc.constant(`Bearer eyJhbGciOiJub25lIn0.${token.split(".")[1]}.`),
    );
    const body = fc.oneof(
      malformedBody(),
      fc.array(validOp(), { minLength: 1, maxLength: 3 }).map((operations) => JSON.stringify({ operations })),
    );
    await fc.assert(
      fc.asyncProperty(authorization, body, async (auth, text) => {
        const response = await notify(text, auth ? { authorization: auth, "content-type": "application/json" } : {});
        expect(response.status).toBe(401);
      }),
      { numRuns: 600 },
    );
    // A valid token for another issuer's path.
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9%._-]{1,20}$/).filter((s) => s !== ISSUER),
        validOp(),
        async (issuerId, op) => {
          const response = await notify(
            JSON.stringify({ operations: [op] }),
            { authorization: `Bearer ${token}` },
            issuerId,
          );
          expect(response.status).toBe(404);
        },
      ),
      { numRuns: 200 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it("applies good notifications sent at the same time as ones with control characters", async () => {
    const counter = await makeCounter(db);
    await fc.assert(
      fc.asyncProperty(fc.array(controlOp(), { minLength: 1, maxLength: 4 }), fc.nat({ max: 5 }), async (bad, n) => {
        const good = await Promise.all(
          Array.from({ length: n + 1 }, () => makeJob(db, counter, { state: "requested" })),
        );
        const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
        const calls = [
          ...good.map((job) =>
            notify(
              JSON.stringify({
                operations: [
                  {
                    operationId: `ok-${job.cardId}`,
                    operation: "PRODUCE",
                    status: "PENDING",
                    cardId: job.cardId,
                    details: { status: "CARD_PROD_READY" },
                  },
                ],
              }),
              headers,
            ),
          ),
          ...bad.map((op) => notify(JSON.stringify({ operations: [op] }), headers)),
        ];
        const statuses = (await Promise.all(calls)).map((r) => r.status);
        expect(statuses).toEqual([...good.map(() => 204), ...bad.map(() => 400)]);
        const states = await db
          .select({ state: issuanceJobs.state })
          .from(issuanceJobs)
          .where(
            inArray(
              issuanceJobs.id,
              good.map((j) => j.id),
            ),
          );
        expect(states.every((j) => j.state === "ready")).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("still applies a valid notification afterwards (the fuzzing did not just break the receiver)", async () => {
    const response = await notify(
      JSON.stringify({
        operations: [
          {
            operationId: "fuzz-ok",
            operation: "PRODUCE",
            status: "PENDING",
            cardId: cardIds[0],
            details: { status: "CARD_PROD_READY" },
          },
        ],
      }),
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
    );
    expect(response.status).toBe(204);
    const [job] = await db
      .select({ state: issuanceJobs.state })
      .from(issuanceJobs)
      .where(eq(issuanceJobs.id, jobIds[0]!));
    expect(job?.state).toBe("ready");
  });
});

describe("our token endpoint under malformed input", () => {
  it("answers only 400 or 401 to anything but the right credentials with a client_credentials form", async () => {
    const authorization = fc.oneof(
      fc.constant(""),
      fc.string({ maxLength: 60 }).map((s) => s.replace(/[\r\n\0]/g, "")),
      fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 })).map(([id, secret]) => basic(id, secret)),
      fc.string({ maxLength: 40 }).map((s) => `Basic ${s.replace(/[\r\n\0]/g, "")}`),
      fc.constant(basic(CLIENT, `${SECRET}x`)),
      fc.constant(basic(CLIENT, SECRET)),
    );
    const contentType = fc.constantFrom(
      "application/x-www-form-urlencoded",
      "application/json",
      "",
      "multipart/form-data; boundary=x",
    );
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constant("grant_type=client_credentials"),
      fc.constant("grant_type=password&username=a&password=b"),
      fc.constant(`grant_type=client_credentials&pad=${"x".repeat(5000)}`),
      fc
        .dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }))
        .map((d) => new URLSearchParams(d).toString()),
    );
    let issued = 0;
    await fc.assert(
      fc.asyncProperty(authorization, contentType, body, async (auth, type, text) => {
        const headers: Record<string, string> = {};
        if (auth) headers.authorization = auth;
        if (type) headers["content-type"] = type;
        const response = await tokenRoute(
          new Request("http://app/authz/d1/v1/oauth2/token", { method: "POST", headers, body: text }),
        );
        const valid =
          auth === basic(CLIENT, SECRET) &&
          type === "application/x-www-form-urlencoded" &&
          Buffer.byteLength(text) <= 4096 &&
          new URLSearchParams(text).get("grant_type") === "client_credentials";
        if (valid) {
          issued++;
          expect(response.status).toBe(200);
        } else {
          expect([400, 401, 413]).toContain(response.status);
          expect(((await response.json()) as { access_token?: string }).access_token).toBeUndefined();
        }
      }),
      { numRuns: 1500 },
    );
    expect(issued).toBeGreaterThan(0);
  });
});
