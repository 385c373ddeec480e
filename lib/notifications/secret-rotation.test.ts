// Rolling over the client secret D1 presents at our token endpoint (E6): during the window both
// D1_NOTIFY_CLIENT_SECRET and D1_NOTIFY_CLIENT_SECRET_PREVIOUS are accepted, anything else is
// refused, and tokens issued before the old secret is removed stay valid until they expire.
import { describe, expect, it, vi } from "vitest";

const NEW_SECRET = "new-secret-new-secret-new-secret";
const OLD_SECRET = "old-secret-old-secret-old-secret";

vi.hoisted(() => {
  process.env.D1_NOTIFY_CLIENT_ID = "d1-rotation-client";
  process.env.D1_NOTIFY_CLIENT_SECRET = "new-secret-new-secret-new-secret";
  process.env.D1_NOTIFY_CLIENT_SECRET_PREVIOUS = "old-secret-old-secret-old-secret";
});

const { issueD1Token } = await import("./issue-token");
const { verifyD1Token } = await import("./token");

function tokenRequest(secret: string, id = "d1-rotation-client"): Request {
  return new Request("http://localhost/authz/d1/v1/oauth2/token", {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
}

async function accessToken(secret: string): Promise<string> {
  const res = await issueD1Token(tokenRequest(secret));
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe("notification client secret rollover", () => {
  it("accepts the new and the previous secret during the window", async () => {
    expect(await verifyD1Token(await accessToken(NEW_SECRET))).toBe(true);
    expect(await verifyD1Token(await accessToken(OLD_SECRET))).toBe(true);
  });

  it("refuses an unknown secret, and a known secret with another client id", async () => {
    expect((await issueD1Token(tokenRequest("not-the-secret-not-the-secret"))).status).toBe(401);
    expect((await issueD1Token(tokenRequest(OLD_SECRET.slice(0, -1)))).status).toBe(401);
    expect((await issueD1Token(tokenRequest(OLD_SECRET, "someone-else"))).status).toBe(401);
  });

  it("keeps tokens issued with the old secret valid after the old secret is removed", async () => {
    const issuedDuringWindow = await accessToken(OLD_SECRET);
    // The window closes: the app restarts without D1_NOTIFY_CLIENT_SECRET_PREVIOUS.
    delete process.env.D1_NOTIFY_CLIENT_SECRET_PREVIOUS;
    vi.resetModules();
    const after = {
      issue: (await import("./issue-token")).issueD1Token,
      verify: (await import("./token")).verifyD1Token,
    };
    expect((await after.issue(tokenRequest(OLD_SECRET))).status).toBe(401);
    expect((await after.issue(tokenRequest(NEW_SECRET))).status).toBe(200);
    expect(await after.verify(issuedDuringWindow)).toBe(true);
  });
});
