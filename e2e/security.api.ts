// Security properties over HTTP: response headers (CSP nonce per request), session cookie
// attributes, server actions and sign-out refusing a foreign Origin, and sign-out ending the
// session on the server so that a copy of the cookie is worthless.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CARD_FACE_CSP, nonceOf } from "../lib/auth/security-headers";
import { BASE_URL } from "./support/config";
import { resultCode, serverActions } from "./support/server-actions";
import { persona, storageState } from "./support/users";

const EVIL = "https://evil.example";

function expectStaticHeaders(headers: Headers) {
  expect(headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(headers.get("referrer-policy")).toBe("same-origin");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("x-powered-by")).toBeNull();
}

test.describe("security headers", () => {
  test("pages get a CSP with a fresh nonce that is on every script of the page", async () => {
    const pages = await Promise.all([fetch(`${BASE_URL}/login`), fetch(`${BASE_URL}/login`)]);
    const nonces: string[] = [];
    for (const response of pages) {
      expect(response.status).toBe(200);
      expectStaticHeaders(response.headers);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'(;|$)/);
      expect(csp).not.toContain("unsafe-eval");
      const nonce = nonceOf(csp);
      expect(nonce).not.toBeNull();
      nonces.push(nonce!);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("redirects of signed-out visitors carry the headers too", async () => {
    const response = await fetch(`${BASE_URL}/teller`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expectStaticHeaders(response.headers);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  test("the dual-control SSO popup keeps its opener: only its own pages and the forms' pages relax the opener policy", async () => {
    const coop = async (path: string) =>
      (await fetch(`${BASE_URL}${path}`, { redirect: "manual" })).headers.get("cross-origin-opener-policy");
    expect(await coop("/login")).toBe("same-origin");
    expect(await coop("/teller")).toBe("same-origin");
    expect(await coop("/admin")).toBe("same-origin");
    expect(await coop("/api/health")).toBe("same-origin");
    // The pages with dual-control forms let their own popup keep window.opener …
    expect(await coop("/manager/stock")).toBe("same-origin-allow-popups");
    expect(await coop("/manager/end-of-day")).toBe("same-origin-allow-popups");
    // … and the popup's routes and page, which come back from the provider, set none.
    expect(await coop("/api/dual-control/sso/start")).toBe("unsafe-none");
    expect(await coop("/api/dual-control/sso/callback")).toBe("unsafe-none");
    expect(await coop("/second-signer")).toBe("unsafe-none");
  });

  test("API and D1 responses get the static headers and a no-content policy", async () => {
    const responses = [
      await fetch(`${BASE_URL}/api/health`),
      await fetch(`${BASE_URL}/api/teller/jobs`),
      await fetch(`${BASE_URL}/authz/d1/v1/oauth2/token`, { method: "POST" }),
      await fetch(`${BASE_URL}/notifications/d1/v2/issuers/ISSUER0001/cards`, { method: "POST", body: "{}" }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 401, 401]);
    // Public liveness and readiness name no version.
    expect(await responses[0]!.json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${BASE_URL}/api/ready`)).json()).not.toHaveProperty("version");
    // Card faces keep their own policy, which sandboxes an image opened on its own.
    const face = await fetch(`${BASE_URL}/api/card-faces/00000000-0000-4000-8000-000000000000`);
    expect(face.headers.get("content-security-policy")).toBe(CARD_FACE_CSP);
    for (const response of responses) {
      expectStaticHeaders(response.headers);
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });
});

/** Signs in through Auth.js's credentials endpoint, as the browser's form ends up doing. */
async function signIn(email: string, password: string, extraHeaders: Record<string, string> = {}) {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { headers: extraHeaders });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...extraHeaders, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const setCookies = response.headers.getSetCookie();
  const session = setCookies.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  return { response, session, cookie: session?.split(";")[0] ?? "" };
}

const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

test.describe("session cookies", () => {
  test("over HTTP: httpOnly, SameSite=Lax, path /, a lifetime, and no Secure flag the browser would refuse", async () => {
    const user = persona("tellerRiverside");
    const { session } = await signIn(user.email, user.password);
    expect(session, "a session cookie was set").toBeDefined();
    const attrs = attributes(session!);
    expect(session!.startsWith("authjs.session-token=")).toBe(true);
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
    expect(attrs.some((a) => a.startsWith("expires="))).toBe(true);
    expect(attrs).not.toContain("secure");
  });

  test("behind a TLS proxy (X-Forwarded-Proto: https): Secure and the __Secure- prefix", async () => {
    const user = persona("tellerRiverside");
    const { session } = await signIn(user.email, user.password, { "x-forwarded-proto": "https" });
    expect(session, "a session cookie was set").toBeDefined();
    expect(session!.startsWith("__Secure-authjs.session-token=")).toBe(true);
    const attrs = attributes(session!);
    expect(attrs).toContain("secure");
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
  });
});

test.describe("foreign origins", () => {
  async function postAction(
    request: APIRequestContext,
    name: string,
    args: unknown[],
    origin: string,
    extraHeaders: Record<string, string> = {},
  ) {
    const action = serverActions().find((a) => a.name === name);
    expect(action, `${name} is in the build`).toBeDefined();
    const response = await request.post(action!.pagePath, {
      headers: {
        "next-action": action!.id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin,
        ...extraHeaders,
      },
      data: JSON.stringify(args),
      maxRedirects: 0,
    });
    return { status: response.status(), body: await response.text() };
  }

  test("a server action called from a foreign Origin is refused and changes nothing", async ({ playwright }) => {
    const admin = await playwright.request.newContext({ baseURL: BASE_URL, storageState: storageState("admin") });
    const code = `XO${Date.now().toString(36).slice(-6).toUpperCase()}`;
    const input = { code, name: "Cross-origin branch", address: "", timezone: "UTC" };
    const branchListed = async () => (await (await admin.get("/admin/branches")).text()).includes(code);

    for (const origin of [EVIL, "null", `http://127.0.0.1.evil.example`]) {
      const refused = await postAction(admin, "createBranchAction", [input], origin);
      expect(refused.status, `Origin ${origin}`).toBeGreaterThanOrEqual(400);
      expect(resultCode(refused.body)).toBeNull();
      expect(refused.body).not.toContain('"ok":true');
    }
    // The client's own X-Forwarded-Host, passed on by a proxy, does not make a foreign page ours:
    // the e2e server pins PUBLIC_ORIGIN to its BASE_URL.
    const spoofed = await postAction(admin, "createBranchAction", [input], EVIL, {
      "x-forwarded-host": "evil.example",
    });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body).not.toContain('"ok":true');
    expect(await branchListed()).toBe(false);

    // The same call from our own origin works, so the refusal above was the Origin's doing.
    const allowed = await postAction(admin, "createBranchAction", [input], BASE_URL);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('"ok":true');
    expect(await branchListed()).toBe(true);
    await admin.dispose();
  });

  test("a server action body over the limit gets a 413 that says so, not the error page", async ({ playwright }) => {
    const admin = await playwright.request.newContext({ baseURL: BASE_URL, storageState: storageState("admin") });
    const action = serverActions().find((a) => a.name === "createProductAction");
    expect(action, "createProductAction is in the build").toBeDefined();
    const big = "x".repeat(5 * 1024 * 1024);
    const response = await admin.post(action!.pagePath, {
      headers: {
        "next-action": action!.id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: BASE_URL,
      },
      data: JSON.stringify([null, { name: big }]),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toMatch(/The form is too large to send \(\d+ KB; at most 576 KB\)/);
    await admin.dispose();
  });

  test("sign-out refuses a foreign Origin, and a real sign-out ends the session on the server", async () => {
    const user = persona("tellerRiverside");
    const { cookie } = await signIn(user.email, user.password);
    expect(cookie).not.toBe("");
    const activity = () => fetch(`${BASE_URL}/api/session/activity`, { headers: { cookie } });
    const signOut = (origin: string) =>
      fetch(`${BASE_URL}/api/session/sign-out`, { method: "POST", redirect: "manual", headers: { cookie, origin } });
    expect((await activity()).status).toBe(200);

    for (const origin of [EVIL, "null", "not a url"]) {
      const refused = await signOut(origin);
      expect(refused.status, `Origin ${origin}`).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe("forbidden:route");
      expect((await activity()).status).toBe(200);
    }

    const done = await signOut(BASE_URL);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/login");
    // The browser drops the cookie; a copy kept by anyone else is refused from now on.
    expect((await activity()).status).toBe(401);
    expect(
      (await fetch(`${BASE_URL}/teller`, { headers: { cookie }, redirect: "manual" })).headers.get("location"),
    ).toContain("/login?ended=1");
  });
});
