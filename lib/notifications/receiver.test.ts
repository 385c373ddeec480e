// The D1 notification receiver and our token endpoint, called through their real route
// handlers against the real database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenRoute } from "@/app/authz/d1/v1/oauth2/token/route";
import { POST as notifyRoute } from "@/app/notifications/d1/v2/issuers/[issuerId]/cards/route";
import { db } from "@/db";
import { auditLog, issuanceJobs, jobEvents } from "@/db/schema";
import { makeCounter, makeJob, uniq } from "@/db/testing/factories";

const ISSUER = "ISSUER0001";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function getToken(
  auth = basic("d1-test-client", "d1-test-secret-d1-test-secret"),
  body = "grant_type=client_credentials",
) {
  return tokenRoute(
    new Request("http://app/authz/d1/v1/oauth2/token", {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );
}

let token: string;
async function notify(body: unknown, options: { token?: string | null; issuerId?: string; raw?: string } = {}) {
  const bearer = options.token === undefined ? token : options.token;
  const request = new Request(`http://app/notifications/d1/v2/issuers/${options.issuerId ?? ISSUER}/cards`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: options.raw ?? JSON.stringify(body),
  });
  return notifyRoute(request, { params: Promise.resolve({ issuerId: options.issuerId ?? ISSUER }) });
}

const op = (cardId: string, status: string, extra: Record<string, unknown> = {}) => ({
  operationId: `op-${cardId}`,
  operation: "PRODUCE",
  status: status === "CARD_PROD_DONE" ? "SUCCESSFUL" : status.includes("EXCEPTION") ? "FAILED" : "PENDING",
  startTime: new Date().toISOString(),
  cardId,
  details: { status },
  ...extra,
});

async function jobState(id: string) {
  const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id));
  return row!;
}

afterAll(() => db.$client.end());

describe("our token endpoint (E6)", () => {
  it("issues a short-lived bearer token for D1's client credentials", async () => {
    const response = await getToken();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: "900" });
    expect(body.access_token?.split(".")).toHaveLength(3);
    expect(Date.parse(body.expires_at!) - Date.now()).toBeLessThanOrEqual(900_000);
    token = body.access_token!;
  });

  it("refuses wrong credentials with 401 and a wrong grant with 400", async () => {
    expect((await getToken(basic("d1-test-client", "wrong"))).status).toBe(401);
    expect((await getToken("Bearer x")).status).toBe(401);
    const wrongGrant = await getToken(undefined, "grant_type=password");
    expect(wrongGrant.status).toBe(400);
    expect(await wrongGrant.json()).toMatchObject({ error: "unsupported_grant_type" });
  });
});

describe("notification receiver (E5)", () => {
  let counter: Awaited<ReturnType<typeof makeCounter>>;
  beforeAll(async () => {
    counter = await makeCounter(db);
    token ??= ((await (await getToken()).json()) as { access_token: string }).access_token;
  });

  it("moves a job through requested → ready → done, one event and audit entry per step", async () => {
    const job = await makeJob(db, counter);
    for (const status of ["CARD_PROD_REQUESTED", "CARD_PROD_READY", "CARD_PROD_DONE"]) {
      expect((await notify({ operations: [op(job.cardId, status)] })).status).toBe(204);
    }
    const after = await jobState(job.id);
    expect(after).toMatchObject({ state: "done", d1Status: "CARD_PROD_DONE", d1OperationId: `op-${job.cardId}` });
    expect(after.completedAt).not.toBeNull();
    const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
    expect(events.map((e) => e.state)).toEqual(["requested", "ready", "done"]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(audits).toHaveLength(3);
  });

  it("ignores duplicates and never moves a job backwards or out of a final state", async () => {
    const job = await makeJob(db, counter);
    await notify({ operations: [op(job.cardId, "CARD_PROD_DONE")] });
    await notify({ operations: [op(job.cardId, "CARD_PROD_DONE"), op(job.cardId, "CARD_PROD_READY")] });
    await notify({ operations: [op(job.cardId, "CARD_PROD_EXCEPTION", { operationId: `late-${job.cardId}` })] });
    expect((await jobState(job.id)).state).toBe("done");
    const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
    expect(events.filter((e) => e.d1Status === "CARD_PROD_DONE")).toHaveLength(1);
  });

  it("applies the furthest status of a reordered batch in one call", async () => {
    const job = await makeJob(db, counter);
    const response = await notify({
      operations: [op(job.cardId, "CARD_PROD_READY"), op(job.cardId, "CARD_PROD_REQUESTED")],
    });
    expect(response.status).toBe(204);
    expect((await jobState(job.id)).state).toBe("ready");
  });

  it("records a production exception with its reason for the teller", async () => {
    const job = await makeJob(db, counter);
    await notify({
      operations: [
        op(job.cardId, "CARD_PROD_EXCEPTION", {
          errorCode: "SIM_JAM",
          error: "card jam",
          details: { status: "CARD_PROD_EXCEPTION", reason: "jam" },
        }),
      ],
    });
    expect(await jobState(job.id)).toMatchObject({
      state: "production_exception",
      errorCode: "SIM_JAM",
      errorMessage: "jam",
    });
  });

  it("keeps unknown statuses as events without moving the job", async () => {
    const job = await makeJob(db, counter, { state: "requested" });
    expect((await notify({ operations: [op(job.cardId, "CARD_QUALITY_CHECK")] })).status).toBe(204);
    expect((await jobState(job.id)).state).toBe("requested");
    const [event] = await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
    expect(event).toMatchObject({ kind: "d1_status_unknown", d1Status: "CARD_QUALITY_CHECK", state: "requested" });
  });

  it("answers 204 for unknown cards and other operations, and changes nothing", async () => {
    const job = await makeJob(db, counter);
    const response = await notify({
      operations: [op(uniq("card-"), "CARD_PROD_DONE"), { ...op(job.cardId, "CARD_PROD_DONE"), operation: "ACTIVATE" }],
    });
    expect(response.status).toBe(204);
    expect((await jobState(job.id)).state).toBe("submitting");
  });

  it("refuses missing or forged tokens (401) and another issuer (404)", async () => {
    const job = await makeJob(db, counter);
    expect((await notify({ operations: [op(job.cardId, "CARD_PROD_DONE")] }, { token: null })).status).toBe(401);
    expect((await notify({ operations: [op(job.cardId, "CARD_PROD_DONE")] }, { token: `${token}x` })).status).toBe(401);
    expect((await notify({ operations: [op(job.cardId, "CARD_PROD_DONE")] }, { issuerId: "ISSUER0002" })).status).toBe(
      404,
    );
    expect((await jobState(job.id)).state).toBe("submitting");
  });

  it("answers malformed bodies with a 400 that says what is wrong", async () => {
    const bad = await notify(null, { raw: "{not json" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: "bad_request:notification",
      message: "The body is not valid JSON.",
    });
    const invalid = await notify({ operations: [{ ...op("ok-card", "CARD_PROD_DONE"), cardId: "has spaces" }] });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { message: string }).message).toContain("operations.0.cardId");
    expect((await notify({ operations: [] })).status).toBe(400);
  });

  it("applies many concurrent notifications (batched into shared commits) each exactly once", async () => {
    const jobs = await Promise.all(Array.from({ length: 30 }, () => makeJob(db, counter)));
    const calls = jobs.flatMap((job) => [
      notify({ operations: [op(job.cardId, "CARD_PROD_READY")] }),
      notify({ operations: [op(job.cardId, "CARD_PROD_READY")] }), // D1's at-least-once duplicate
      notify({ operations: [op(job.cardId, "CARD_PROD_DONE")] }),
    ]);
    const statuses = (await Promise.all(calls)).map((r) => r.status);
    expect(statuses.every((s) => s === 204)).toBe(true);
    for (const job of jobs) {
      expect((await jobState(job.id)).state).toBe("done");
      const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
      expect(events.map((e) => e.d1Status).sort()).toEqual(["CARD_PROD_DONE", "CARD_PROD_READY"]);
    }
  });

  it("refuses a NUL or a lone surrogate with 400, and the good notifications sent with it still apply", async () => {
    const jobs = await Promise.all(Array.from({ length: 12 }, () => makeJob(db, counter)));
    const poisoned = await makeJob(db, counter);
    const poisons = [
      op(poisoned.cardId, "CARD_PROD_EXCEPTION", { error: "card\u0000jam" }),
      op(poisoned.cardId, "CARD_PROD_EXCEPTION", { details: { status: "CARD_PROD_EXCEPTION", reason: "\ud800" } }),
      op(poisoned.cardId, "CARD_PROD_DONE\u0000"),
    ];
    // Sent together, so the good ones share the receiver's batched statements with the bad ones.
    const good = jobs.map((job) => notify({ operations: [op(job.cardId, "CARD_PROD_DONE")] }));
    const bad = poisons.map((p) => notify({ operations: [p] }));
    const [goodAnswers, badAnswers] = await Promise.all([Promise.all(good), Promise.all(bad)]);
    expect(goodAnswers.map((r) => r.status)).toEqual(jobs.map(() => 204));
    expect(badAnswers.map((r) => r.status)).toEqual([400, 400, 400]);
    for (const answer of badAnswers) {
      const body = (await answer.json()) as { code: string; message: string };
      expect(body.code).toBe("bad_request:notification");
      expect(body.message).toMatch(/operations\.0\.\S+ Remove the control characters/);
    }
    for (const job of jobs) expect((await jobState(job.id)).state).toBe("done");
    expect((await jobState(poisoned.id)).state).toBe("submitting");
  });

  it("refuses a body over the size limit with 413", async () => {
    const huge = { operations: [op("c1", "CARD_PROD_DONE", { error: "x".repeat(300_000) })] };
    expect((await notify(huge)).status).toBe(413);
  });

  it("stops a chunked 8 MB body (no Content-Length) at the limit instead of reading it whole", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const request = new Request(`http://app/notifications/d1/v2/issuers/${ISSUER}/cards`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await notifyRoute(request, { params: Promise.resolve({ issuerId: ISSUER }) });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(1024 * 1024);
  });
});
