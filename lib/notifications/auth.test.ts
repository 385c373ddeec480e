// Notification authentication in each D1_NOTIFY_AUTH mode, through the real receiver and token
// endpoint against the real database. Settings go through lib/env.ts as a bank would set them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { issuanceJobs } from "@/db/schema";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { loadEnv } from "@/lib/env";
import { route } from "@/lib/route";
import { createNotifyAuth, notificationAuthMode, type NotifyAuth } from "./auth";
import { normalizeDn, TRUSTED_PROXY_SECRET_HEADER } from "./auth-mode";
import { issueD1Token } from "./issue-token";
import { receiveNotification } from "./receive";
import { signD1Token } from "./token";

const ISSUER = "ISSUER0001";
const SUBJECT = "O=D1 simulator,CN=TLSMA-EC/D1-SIMULATOR-PPR";
const SECRET = "proxy-secret-proxy-secret-proxy-secret";
const PROXY = "10.0.0.5";

const authFor = (settings: Record<string, string>): NotifyAuth =>
  createNotifyAuth(loadEnv({ ...process.env, D1_NOTIFY_CLIENT_SUBJECT: SUBJECT, ...settings }));

/** What the bank's proxy adds after verifying D1's certificate (and what a forger would send). */
const proxied = (over: Record<string, string | null> = {}) =>
  Object.fromEntries(
    Object.entries({
      "x-ssl-client-verify": "SUCCESS",
      "x-ssl-client-subject": SUBJECT,
      [TRUSTED_PROXY_SECRET_HEADER]: SECRET,
      "x-forwarded-for": PROXY,
      ...over,
    }).filter((e): e is [string, string] => e[1] !== null),
  );

const op = (cardId: string) => ({
  operationId: `op-${cardId}`,
  operation: "PRODUCE",
  status: "SUCCESSFUL",
  startTime: new Date().toISOString(),
  cardId,
  details: { status: "CARD_PROD_DONE" },
});

let counter: Awaited<ReturnType<typeof makeCounter>>;
beforeAll(async () => (counter = await makeCounter(db)));
afterAll(() => db.$client.end());

/** Sends DONE for a fresh job; returns the status and whether the job moved. */
async function notify(auth: NotifyAuth, headers: Record<string, string>) {
  const job = await makeJob(db, counter);
  const handler = route("test.notify", (request: Request) => receiveNotification(request, ISSUER, auth));
  const response = await handler(
    new Request(`http://app/notifications/d1/v2/issuers/${ISSUER}/cards`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ operations: [op(job.cardId)] }),
    }),
  );
  const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id));
  return { status: response.status, applied: row!.state === "done" };
}

const bearer = async () => ({ authorization: `Bearer ${(await signD1Token(process.env.D1_NOTIFY_CLIENT_ID!)).token}` });

describe("D1_NOTIFY_AUTH=mtls", () => {
  const bySecret = authFor({ D1_NOTIFY_AUTH: "mtls", TRUSTED_PROXY_SECRET: SECRET });

  it("applies a notification the trusted proxy vouches for, without any bearer token", async () => {
    expect(await notify(bySecret, proxied())).toEqual({ status: 204, applied: true });
    // Attribute types and spaces are normalised; the values are compared exactly.
    const spaced = proxied({ "x-ssl-client-subject": "o = D1 simulator , cn=TLSMA-EC/D1-SIMULATOR-PPR" });
    expect(await notify(bySecret, spaced)).toEqual({ status: 204, applied: true });
  });

  it.each([
    ["the verification header is missing", { "x-ssl-client-verify": null }],
    ["the proxy says verification failed", { "x-ssl-client-verify": "FAILED:certificate has expired" }],
    ["the subject is another certificate's", { "x-ssl-client-subject": "O=D1 simulator,CN=SOMEONE-ELSE" }],
    ["the subject differs only in case", { "x-ssl-client-subject": SUBJECT.toLowerCase() }],
    ["the subject header is missing", { "x-ssl-client-subject": null }],
    ["the headers are forged without the proxy secret", { [TRUSTED_PROXY_SECRET_HEADER]: null }],
    ["the proxy secret is wrong", { [TRUSTED_PROXY_SECRET_HEADER]: `${SECRET}x` }],
  ])("refuses with 401 when %s, and changes nothing", async (_why, over) => {
    expect(await notify(bySecret, proxied(over))).toEqual({ status: 401, applied: false });
  });

  it("refuses a bearer token alone: the token is not how this tenant authenticates", async () => {
    expect(await notify(bySecret, await bearer())).toEqual({ status: 401, applied: false });
  });

  it("with an address allowlist, accepts the headers only from the proxy's own connection", async () => {
    const byAddress = authFor({ D1_NOTIFY_AUTH: "mtls", TRUSTED_PROXY_ADDRESSES: `${PROXY}, 192.168.7.0/24` });
    const noSecret = { [TRUSTED_PROXY_SECRET_HEADER]: null };
    expect(await notify(byAddress, proxied(noSecret))).toEqual({ status: 204, applied: true });
    expect(await notify(byAddress, proxied({ ...noSecret, "x-forwarded-for": "::ffff:192.168.7.20" }))).toEqual({
      status: 204,
      applied: true,
    });
    // A caller that writes the proxy's address itself is still the right-most (socket) entry.
    const untrusted = { ...noSecret, "x-forwarded-for": `${PROXY}, 203.0.113.9` };
    expect(await notify(byAddress, proxied(untrusted))).toEqual({ status: 401, applied: false });
    expect(await notify(byAddress, proxied({ ...noSecret, "x-forwarded-for": null }))).toEqual({
      status: 401,
      applied: false,
    });
  });

  it("with both a secret and addresses, requires both", async () => {
    const both = authFor({ D1_NOTIFY_AUTH: "mtls", TRUSTED_PROXY_SECRET: SECRET, TRUSTED_PROXY_ADDRESSES: PROXY });
    expect((await notify(both, proxied())).status).toBe(204);
    expect((await notify(both, proxied({ "x-forwarded-for": "203.0.113.9" }))).status).toBe(401);
    expect((await notify(both, proxied({ [TRUSTED_PROXY_SECRET_HEADER]: null }))).status).toBe(401);
  });

  it("reads the header names the bank's proxy uses", async () => {
    const custom = authFor({
      D1_NOTIFY_AUTH: "mtls",
      TRUSTED_PROXY_SECRET: SECRET,
      D1_NOTIFY_CLIENT_CERT_HEADER: "X-Client-Verify",
      D1_NOTIFY_CLIENT_SUBJECT_HEADER: "X-Client-DN",
    });
    const headers = proxied({ "x-ssl-client-verify": null, "x-ssl-client-subject": null });
    expect((await notify(custom, headers)).status).toBe(401);
    expect((await notify(custom, { ...headers, "x-client-verify": "SUCCESS", "x-client-dn": SUBJECT })).status).toBe(
      204,
    );
  });

  it("turns the token endpoint off with a 404 that says why", async () => {
    const response = await issueD1Token(
      new Request("http://app/authz/d1/v1/oauth2/token", { method: "POST", headers: proxied() }),
      bySecret,
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_description: expect.stringMatching(/mutual TLS only/) });
  });
});

describe("D1_NOTIFY_AUTH=mtls+oauth", () => {
  const both = authFor({ TRUSTED_PROXY_SECRET: SECRET }); // both configured: the default

  it("is the default when both are configured, and needs the proxy's headers and the bearer", async () => {
    expect(both.mode).toBe("mtls+oauth");
    expect(await notify(both, { ...proxied(), ...(await bearer()) })).toEqual({ status: 204, applied: true });
    expect(await notify(both, proxied())).toEqual({ status: 401, applied: false });
    expect(await notify(both, await bearer())).toEqual({ status: 401, applied: false });
    const forged = { ...proxied({ [TRUSTED_PROXY_SECRET_HEADER]: null }), ...(await bearer()) };
    expect(await notify(both, forged)).toEqual({ status: 401, applied: false });
  });

  it("issues tokens only over the proxy's verified mutual TLS", async () => {
    const basic = `Basic ${Buffer.from(`${process.env.D1_NOTIFY_CLIENT_ID}:${process.env.D1_NOTIFY_CLIENT_SECRET}`).toString("base64")}`;
    const ask = (headers: Record<string, string>) =>
      route("test.token", (request: Request) => issueD1Token(request, both))(
        new Request("http://app/authz/d1/v1/oauth2/token", {
          method: "POST",
          headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded", ...headers },
          body: "grant_type=client_credentials",
        }),
      );
    expect((await ask(proxied())).status).toBe(200);
    expect((await ask({})).status).toBe(401);
  });
});

describe("D1_NOTIFY_AUTH=oauth", () => {
  it("is the test setting's mode (client credentials only) and needs the bearer as before", async () => {
    expect(notificationAuthMode()).toBe("oauth");
    const oauth = authFor({ D1_NOTIFY_CLIENT_SUBJECT: "", D1_NOTIFY_AUTH: "oauth" });
    expect(await notify(oauth, await bearer())).toEqual({ status: 204, applied: true });
    // The proxy's headers alone do not replace the token in this mode.
    expect(await notify(oauth, proxied())).toEqual({ status: 401, applied: false });
  });
});

describe("normalizeDn", () => {
  it("keeps RFC 4514 names in one spelling and refuses what it cannot split safely", () => {
    expect(normalizeDn(" cn = A\\, B + uid=7 ,O=Bank ")).toBe("CN=A\\, B+UID=7,O=Bank");
    expect(normalizeDn("/C=FR/O=Thales/CN=TLSMA-EC/D1-PPR")).toBeNull();
    expect(normalizeDn("CN=,O=Bank")).toBeNull();
    expect(normalizeDn("not a dn")).toBeNull();
    expect(normalizeDn("")).toBeNull();
  });
});
