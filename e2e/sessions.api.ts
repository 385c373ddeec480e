// Sessions over HTTP, with copied cookies as a thief would hold them: a temporary password
// allows nothing but changing it or signing out; changing a password ends the other sessions;
// Auth.js's own sign-out route ends the server-side session and renders no page of its own.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BASE_URL } from "./support/config";
import { appRoutes, callAction, resultCode, serverActions } from "./support/server-actions";
import { persona, storageState } from "./support/users";

const NIL = "00000000-0000-4000-8000-000000000000";
/** Answered without the guards by design: sign-in, sign-out, health, and D1's own credentials. */
// /api/metrics is for Prometheus with its own bearer token: no session, temporary or not, opens it.
const UNGUARDED_ROUTES = new Set([
  "/api/health",
  "/api/ready",
  "/api/auth/[...nextauth]",
  "/api/session/sign-out",
  "/api/metrics",
]);
const UNGUARDED_ACTIONS = new Set(["signInAction", "signInSsoAction", "changePasswordAction"]);

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = response.headers.getSetCookie().find((c) => /^authjs\.session-token=/.test(c));
  expect(session, `a session cookie for ${email}`).toBeDefined();
  return session!.split(";")[0]!;
}

const get = (path: string, cookie: string) => fetch(`${BASE_URL}${path}`, { headers: { cookie }, redirect: "manual" });

async function withCookie(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  cookie: string,
) {
  return playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie } });
}

test.describe("a temporary password", () => {
  test("refuses every route and action but the password change and sign-out; changing it ends the other sessions", async ({
    playwright,
  }) => {
    // A new teller, so that no other test's demo user changes its password.
    const admin = await playwright.request.newContext({ baseURL: BASE_URL, storageState: storageState("admin") });
    const users = (await (await admin.get("/api/admin/users")).json()) as {
      users: { email: string; branchId: string }[];
    };
    const branchId = users.users.find((u) => u.email === persona("teller").email)!.branchId;
    const email = `temp-${Date.now()}@downtown.demo`;
    const createUser = serverActions().find((a) => a.name === "createUserAction")!;
    const created = await callAction(admin, createUser, [
      { name: "Temporary Teller", email, role: "teller", branchId },
    ]);
    const temporary = /"temporaryPassword":"([^"]+)"/.exec(created.body)?.[1];
    expect(temporary, created.body).toBeDefined();
    await admin.dispose();

    const [mine, other, leaving] = [
      await signIn(email, temporary!),
      await signIn(email, temporary!),
      await signIn(email, temporary!),
    ];
    const request = await withCookie(playwright, mine);

    for (const action of serverActions().filter((a) => !UNGUARDED_ACTIONS.has(a.name))) {
      const call = await callAction(request, action, [{}]);
      expect(resultCode(call.body), action.name).toBe("forbidden:password_change_required");
    }
    const routes = appRoutes().filter((r) => r.startsWith("/api/") && !UNGUARDED_ROUTES.has(r));
    expect(routes).toContain("/api/teller/jobs");
    for (const route of routes) {
      const response = await get(route.replace(/\[\w+\]/g, NIL), mine);
      expect(response.status, route).toBe(403);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code, route).toBe("forbidden:password_change_required");
      expect(body.message).toContain("temporary password");
    }

    // Signing out works with a temporary password.
    const signOut = await fetch(`${BASE_URL}/api/session/sign-out`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: leaving, origin: BASE_URL },
    });
    expect(signOut.status).toBe(303);
    expect((await get("/api/teller/jobs", leaving)).status).toBe(401);

    // So does changing the password, which keeps this session and ends the other one.
    const changePassword = serverActions().find((a) => a.name === "changePasswordAction")!;
    const chosen = "a-password-of-my-own-42";
    const changed = await callAction(request, changePassword, [
      { currentPassword: temporary, newPassword: chosen, confirmPassword: chosen },
    ]);
    expect(changed.actionRedirect, changed.body).toMatch(/^\/(;|$)/);
    expect((await get("/api/teller/jobs", mine)).status).toBe(200);
    expect((await get("/api/teller/jobs", other)).status).toBe(401);
    expect((await get("/teller", other)).headers.get("location")).toContain("/login?ended=1");
    await request.dispose();
  });
});

test.describe("Auth.js's own sign-out route", () => {
  test("GET shows no Auth.js page; POST ends the session on the server, so a copied cookie is refused", async () => {
    const user = persona("tellerRiverside");
    const cookie = await signIn(user.email, user.password);
    expect((await get("/api/session/activity", cookie)).status).toBe(200);

    const page = await get("/api/auth/signout", cookie);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toMatch(/\/login$/);
    expect(await page.text()).not.toContain("Are you sure you want to sign out");
    expect((await get("/api/session/activity", cookie)).status, "a GET signs nobody out").toBe(200);

    const csrf = await get("/api/auth/csrf", cookie);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${BASE_URL}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: `${cookie}; ${cookiesOf(csrf)}`,
        "content-type": "application/x-www-form-urlencoded",
        origin: BASE_URL,
      },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((c) => /^authjs\.session-token=;/.test(c))).toBe(true);
    // The copy kept by anyone else is worthless now.
    expect((await get("/api/session/activity", cookie)).status).toBe(401);
  });
});
