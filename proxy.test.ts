// The proxy decorates and redirects, and never sets a cookie (a sign-out racing a request must
// not be undone): checked for signed-out, signed-in and sign-in page requests.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { nonceOf } from "@/lib/auth/security-headers";
import { env } from "@/lib/env";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/card-face-size";
import proxy from "./proxy";

const COOKIE = "authjs.session-token";

async function sessionCookie() {
  const token = await encode({
    salt: COOKIE,
    secret: env.AUTH_SECRET!,
    token: {
      uid: "00000000-0000-4000-8000-000000000001",
      role: "teller",
      sv: 1,
      sid: "00000000-0000-4000-8000-000000000002",
    },
  });
  return `${COOKIE}=${token}`;
}

const call = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} }));

describe("proxy", () => {
  it("sends signed-out visitors to the sign-in page and signed-in users past it, with a CSP", async () => {
    const out = await call("/teller");
    expect(out.status).toBe(307);
    expect(out.headers.get("location")).toContain("/login?callbackUrl=");
    const cookie = await sessionCookie();
    const away = await call("/login", cookie);
    expect(new URL(away.headers.get("location")!).pathname).toBe("/teller");
    for (const response of [out, away])
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("passes a fresh nonce to the page render and the same one to the browser", async () => {
    const cookie = await sessionCookie();
    const [a, b] = [await call("/teller", cookie), await call("/teller", cookie)];
    for (const response of [a, b]) {
      const csp = response.headers.get("content-security-policy");
      expect(nonceOf(csp)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      // Next.js forwards overridden request headers as x-middleware-request-*.
      expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(csp));
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    }
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(
      nonceOf(b.headers.get("content-security-policy")),
    );
  });

  it("never sets or clears a cookie", async () => {
    const cookie = await sessionCookie();
    const responses = [
      await call("/teller"),
      await call("/teller", cookie),
      await call("/login"),
      await call("/login", cookie),
      await call("/login?ended=idle", cookie),
      await call("/teller", `${COOKIE}=garbage`),
    ];
    for (const response of responses) {
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(response.cookies.getAll()).toEqual([]);
    }
  });

  it("refuses a server-action body over the limit by its length with a 413 that says so", async () => {
    const cookie = await sessionCookie();
    const post = (length: number) =>
      proxy(
        new NextRequest("http://127.0.0.1:3000/admin/products/new", {
          method: "POST",
          headers: { cookie, "next-action": "abc123", "content-length": String(length) },
        }),
      );
    const refused = await post(ACTION_BODY_LIMIT_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain(`at most ${ACTION_BODY_LIMIT_BYTES / 1024} KB`);
    // At the limit it passes on to Next.js (and the action), with the page's headers.
    const passed = await post(ACTION_BODY_LIMIT_BYTES);
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });

  it("refuses writes from a foreign Origin, pinned to the public origin when one is configured", async () => {
    const post = (headers: Record<string, string>) =>
      proxy(
        new NextRequest("http://127.0.0.1:3000/admin/branches", {
          method: "POST",
          headers: { "next-action": "abc123", ...headers },
        }),
      );
    const spoofed = { origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    // Unpinned, a proxy's X-Forwarded-Host names this host (as Next.js also decides).
    expect((await post(spoofed)).status).not.toBe(403);
    const before = env.PUBLIC_ORIGIN;
    env.PUBLIC_ORIGIN = "http://127.0.0.1:3000";
    try {
      const refused = await post(spoofed);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("own pages");
      expect((await post({ origin: "http://127.0.0.1:3000", "x-forwarded-host": "evil.example" })).status).not.toBe(
        403,
      );
    } finally {
      env.PUBLIC_ORIGIN = before;
    }
  });
});
