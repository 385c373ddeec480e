// The real D1 simulator notifies our receiver in each D1_NOTIFY_AUTH mode over real HTTP. For
// mTLS a tiny proxy (test-support/mtls-proxy.ts) stands where the bank's nginx or HAProxy
// stands: the simulator presents its client certificate to it exactly as D1 does, and only the
// proxy sets the verification headers. The simulator itself knows nothing of those headers.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { Agent, request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { issuanceJobs } from "@/db/schema";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { loadEnv } from "@/lib/env";
import { route } from "@/lib/route";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { createSimLogger } from "@/sim/logger";
import type { DevPki } from "@/sim/pki";
import { tempPki } from "@/test-support/d1-simulator";
import { startMtlsProxy } from "@/test-support/mtls-proxy";
import { startRouteServer } from "@/test-support/route-server";
import { createNotifyAuth } from "./auth";
import { issueD1Token } from "./issue-token";
import { receiveNotification } from "./receive";

const ISSUER = "ISSUER0001";
const SECRET = "proxy-secret-proxy-secret-proxy-secret";
// The simulator's client certificate as nginx's $ssl_client_s_dn writes it.
const SIM_SUBJECT = "O=D1 simulator,CN=TLSMA-EC/D1-SIMULATOR-PPR";
const NOTIFY_PATH = `/notifications/d1/v2/issuers/${ISSUER}/cards`;
const TOKEN_PATH = "/authz/d1/v1/oauth2/token";

let pki: DevPki;
let counter: Awaited<ReturnType<typeof makeCounter>>;
const running: Array<{ close(): Promise<void> } | { stop(): Promise<void> }> = [];

beforeAll(async () => {
  ({ pki } = await tempPki());
  counter = await makeCounter(db);
});
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await ("close" in thing ? thing.close() : thing.stop());
});
afterAll(() => db.$client.end());

/** Our two D1 routes over HTTP, authenticating in `mode`. */
async function app(settings: Record<string, string>) {
  const auth = createNotifyAuth(loadEnv({ ...process.env, ...settings }));
  const server = await startRouteServer({
    [NOTIFY_PATH]: route("test.notify", (request: Request) => receiveNotification(request, ISSUER, auth)),
    [TOKEN_PATH]: route("test.token", (request: Request) => issueD1Token(request, auth)),
  });
  running.push(server);
  return { auth, url: server.url };
}

async function simulator(baseUrl: string, withToken: boolean): Promise<RunningSimulator> {
  const sim = await startSimulator({
    pki,
    port: 0,
    adminPort: false,
    logger: createSimLogger("silent"),
    notify: {
      baseUrl,
      ...(withToken
        ? {
            tokenUrl: `${baseUrl}${TOKEN_PATH}`,
            clientId: process.env.D1_NOTIFY_CLIENT_ID!,
            clientSecret: process.env.D1_NOTIFY_CLIENT_SECRET!,
          }
        : {}),
      maxAttempts: 2,
      baseDelayMs: 10,
      timeoutMs: 3000,
    },
  });
  running.push(sim);
  return sim;
}

/** The simulator sends CARD_PROD_DONE for a fresh job; resolves with the job's state and the answers. */
async function notifyOnce(sim: RunningSimulator) {
  const job = await makeJob(db, counter);
  const { notifier } = sim.core;
  notifier.enqueue({
    operationId: `op-${job.cardId}`,
    operation: "PRODUCE",
    status: "SUCCESSFUL",
    startTime: new Date().toISOString(),
    endTime: new Date().toISOString(),
    cardId: job.cardId,
    details: { status: "CARD_PROD_DONE" },
  });
  const deadline = Date.now() + 10_000;
  while (notifier.stats.delivered + notifier.stats.gaveUp === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id));
  return { state: row!.state, responses: notifier.stats.responses, tokenFetches: notifier.tokens?.fetches ?? 0 };
}

async function proxyTo(target: string) {
  const proxy = await startMtlsProxy({ pki, target, secret: SECRET });
  running.push(proxy);
  return proxy.url;
}

describe("the simulator notifies in each D1_NOTIFY_AUTH mode", () => {
  it("oauth: with our bearer token, straight to the app", async () => {
    const { auth, url } = await app({ D1_NOTIFY_AUTH: "oauth" });
    expect(auth.mode).toBe("oauth");
    const result = await notifyOnce(await simulator(url, true));
    expect(result).toEqual({ state: "done", responses: { "204": 1 }, tokenFetches: 1 });
  });

  it("mtls: with its client certificate through the proxy, no token; refused when it bypasses the proxy", async () => {
    const { auth, url } = await app({
      D1_NOTIFY_AUTH: "mtls",
      D1_NOTIFY_CLIENT_SUBJECT: SIM_SUBJECT,
      TRUSTED_PROXY_SECRET: SECRET,
    });
    expect(auth.mode).toBe("mtls");
    expect(await notifyOnce(await simulator(await proxyTo(url), false))).toEqual({
      state: "done",
      responses: { "204": 1 },
      tokenFetches: 0,
    });
    // Straight to the app: no proxy vouches for a certificate, so 401 (never retried).
    const bypass = await notifyOnce(await simulator(url, false));
    expect(bypass).toMatchObject({ state: "submitting", responses: { "401": 1 } });
  });

  it("mtls: a proxy trusted by address, and a certificate of another subject refused", async () => {
    const { url } = await app({
      D1_NOTIFY_AUTH: "mtls",
      D1_NOTIFY_CLIENT_SUBJECT: "O=Thales,CN=D1-PRODUCTION",
      TRUSTED_PROXY_ADDRESSES: "127.0.0.1",
    });
    const result = await notifyOnce(await simulator(await proxyTo(url), false));
    expect(result).toMatchObject({ state: "submitting", responses: { "401": 1 } });
  });

  it("mtls+oauth: certificate through the proxy and the bearer token, both required", async () => {
    const { auth, url } = await app({ D1_NOTIFY_CLIENT_SUBJECT: SIM_SUBJECT, TRUSTED_PROXY_ADDRESSES: "127.0.0.1" });
    expect(auth.mode).toBe("mtls+oauth");
    const proxied = await proxyTo(url);
    expect(await notifyOnce(await simulator(proxied, true))).toEqual({
      state: "done",
      responses: { "204": 1 },
      tokenFetches: 1,
    });
    // The same proxy, but no token: refused.
    expect(await notifyOnce(await simulator(proxied, false))).toMatchObject({
      state: "submitting",
      responses: { "401": 1 },
    });
  });

  it("the proxy replaces verification headers an outside caller wrote itself", async () => {
    const { url } = await app({
      D1_NOTIFY_AUTH: "mtls",
      D1_NOTIFY_CLIENT_SUBJECT: SIM_SUBJECT,
      TRUSTED_PROXY_SECRET: SECRET,
    });
    const proxied = await proxyTo(url);
    const job = await makeJob(db, counter);
    // Another certificate from the same CA (the issuer's own), claiming to be the simulator.
    const agent = new Agent({
      connect: {
        ca: readFileSync(pki.ca.certPath),
        cert: readFileSync(pki.issuerClient.certPath),
        key: readFileSync(pki.issuerClient.keyPath),
      },
    });
    const response = await request(`${proxied}${NOTIFY_PATH}`, {
      method: "POST",
      dispatcher: agent,
      headers: {
        "content-type": "application/json",
        "x-ssl-client-verify": "SUCCESS",
        "x-ssl-client-subject": SIM_SUBJECT,
        "x-trusted-proxy-secret": SECRET,
      },
      body: JSON.stringify({
        operations: [
          {
            operationId: `op-${job.cardId}`,
            operation: "PRODUCE",
            status: "SUCCESSFUL",
            startTime: new Date().toISOString(),
            cardId: job.cardId,
            details: { status: "CARD_PROD_DONE" },
          },
        ],
      }),
    });
    await response.body.dump();
    await agent.close();
    expect(response.statusCode).toBe(401);
    const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id));
    expect(row!.state).toBe("submitting");
  });
});
