// What the app does with what a client controls at the edge of a request, against the running
// server: a forged X-Forwarded-For (sign-in throttling keys on the socket's address), bodies
// that are too large without saying so or that trickle in, and a garbage session cookie.
import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { BASE_URL } from "./support/config";
import { APP_LOG, readRunInfo } from "./support/run-dir";
import { persona } from "./support/users";

type Answer = { status: number; setCookies: string[]; location: string; body: string };

/**
 * A client on another loopback address, so that its lock-out cannot touch the other specs (which
 * come from 127.0.0.1). node:http, because fetch's connector ignores a local address.
 */
function clientFrom(localAddress: string) {
  return (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        `${BASE_URL}${path}`,
        { method: init.method ?? "GET", headers: init.headers, localAddress },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              setCookies: response.headers["set-cookie"] ?? [],
              location: response.headers.location ?? "",
              body,
            }),
          );
        },
      );
      request.on("error", reject);
      request.end(init.body);
    });
}

/** Auth.js's credentials sign-in, with an X-Forwarded-For the client wrote itself. */
async function signIn(from: ReturnType<typeof clientFrom>, email: string, password: string, forwardedFor: string) {
  const headers = { "x-forwarded-for": forwardedFor };
  const csrf = await from("/api/auth/csrf", { headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(";")[0]).join("; ");
  const response = await from("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
  const signedIn = response.setCookies.some((c) => /^authjs\.session-token=[^;]/.test(c));
  return { signedIn, location: response.location };
}

test.describe("client address", () => {
  test("forged X-Forwarded-For values count against the real address and lock no one else out", async () => {
    const attacker = clientFrom("127.0.0.2");
    const user = persona("tellerRiverside");
    // SIGNIN_MAX_FAILURES (5) per account, four times that per address: 20 failures lock it.
    for (let i = 0; i < 20; i++) {
      const failed = await signIn(attacker, `nobody-${i}-${Date.now()}@bank.example`, "wrong", "198.51.100.7");
      expect(failed.signedIn).toBe(false);
    }
    // Another header value does not get the attacker out of the lock on its real address …
    const escaped = await signIn(attacker, user.email, user.password, "203.0.113.5");
    expect(escaped.signedIn).toBe(false);
    expect(escaped.location).toContain("code=throttled");
    // … and the address it named is not locked: someone else signs in "from" it.
    const since = new Date();
    const other = await signIn(clientFrom("127.0.0.3"), user.email, user.password, "198.51.100.7");
    expect(other.signedIn).toBe(true);

    const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
    await client.connect();
    try {
      // Other specs may sign this persona in at the same time: look at every sign-in since.
      const { rows } = await client.query<{ ip: string }>(
        "select ip from audit_log where action = 'auth.sign_in' and actor_email = $1 and at >= $2",
        [user.email, since],
      );
      const ips = rows.map((r) => r.ip);
      expect(ips).toContain("127.0.0.3");
      expect(ips).not.toContain("198.51.100.7");
    } finally {
      await client.end();
    }
  });
});

async function d1Token(): Promise<string> {
  const { clientId, clientSecret } = readRunInfo().d1Notify!;
  const response = await fetch(`${BASE_URL}/authz/d1/v1/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * Streams a body to D1's notification route (chunked unless a length is given), writing one chunk
 * per tick, and stops writing as soon as the server answers or closes the connection.
 */
function streamBody(options: { token: string; chunk: Buffer; maxBytes: number; everyMs: number; length?: number }) {
  return new Promise<{ status: number | null; sentBeforeAnswer: number; ms: number }>((resolve, reject) => {
    const started = Date.now();
    let sent = 0;
    const done = (status: number | null) => {
      clearInterval(timer);
      resolve({ status, sentBeforeAnswer: sent, ms: Date.now() - started });
      request.destroy();
    };
    const request = httpRequest(`${BASE_URL}/notifications/d1/v2/issuers/ISSUER0001/cards`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.token}`,
        "content-type": "application/json",
        ...(options.length === undefined ? {} : { "content-length": String(options.length) }),
      },
    });
    request.on("response", (response: IncomingMessage) => {
      response.resume();
      done(response.statusCode ?? null);
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? done(null) : reject(error),
    );
    request.flushHeaders();
    const timer = setInterval(() => {
      if (sent >= options.maxBytes) return void (options.length === undefined && request.end());
      request.write(options.chunk);
      sent += options.chunk.length;
    }, options.everyMs);
  });
}

test.describe("request bodies", () => {
  test("a chunked 8 MB body with a valid token gets a 413 before the client has sent it all", async () => {
    const answer = await streamBody({
      token: await d1Token(),
      chunk: Buffer.alloc(64 * 1024, 0x20),
      maxBytes: 8 * 1024 * 1024,
      everyMs: 5,
    });
    expect(answer.status).toBe(413);
    expect(answer.sentBeforeAnswer).toBeLessThan(8 * 1024 * 1024);
  });

  test("a body sent a byte at a time is cut off at the request deadline", async () => {
    test.setTimeout(60_000);
    // The e2e server runs with HTTP_REQUEST_TIMEOUT_SECONDS=5; the body would take 100 s.
    const answer = await streamBody({
      token: await d1Token(),
      chunk: Buffer.from(" "),
      maxBytes: 200,
      everyMs: 500,
      length: 200,
    });
    expect(answer.status).toBe(408);
    expect(answer.sentBeforeAnswer).toBeLessThan(200);
    expect(answer.ms).toBeLessThan(45_000);
  });
});

test.describe("session cookies", () => {
  test("a garbage session cookie is noted once at warn, never as an error with a stack", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${BASE_URL}/api/auth/session`, {
        headers: { cookie: `authjs.session-token=garbage-${i}` },
      });
      expect(response.status).toBe(200);
    }
    const entries = () =>
      readFileSync(APP_LOG, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; event?: string; msg?: string; err?: { type?: string } });
    // pino writes asynchronously in production; the three requests' lines arrive shortly.
    await expect
      .poll(() => entries().filter((e) => e.event === "session_cookie_unreadable").length)
      .toBeGreaterThanOrEqual(3);
    const unreadable = entries().filter((e) => e.event === "session_cookie_unreadable");
    expect(unreadable.filter((e) => e.level === 40)).toHaveLength(1);
    expect(entries().filter((e) => e.level >= 50 && e.err?.type === "JWTSessionError")).toEqual([]);
    expect(JSON.stringify(unreadable)).not.toContain("stack");
  });
});
