// Idle timeout and absolute lifetime, end to end. The browser's clock is moved with Playwright's
// clock; the server's view of time is moved by ageing this session's record in the database.
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { LoginPage } from "./pages/login-page";
import { expect, test } from "./fixtures";
import { readRunInfo } from "./support/run-dir";
import { persona } from "./support/users";

// A teller of its own: each test signs in afresh and only ages its own session.
const TELLER = persona("tellerRiverside");

async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Signs in and returns the page and the id of the session record this sign-in created. */
async function signedInTeller(browser: Browser, before: (page: Page) => Promise<void> = async () => {}) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await before(page);
  const login = new LoginPage(page);
  await login.goto();
  const started = new Date();
  await login.signIn(TELLER.email, TELLER.password);
  await expect(page).toHaveURL(/\/teller$/);
  const { rows } = await sql(
    `select s.id from user_sessions s join users u on u.id = s.user_id
      where lower(u.email) = lower($1) and s.created_at >= $2 order by s.created_at desc limit 1`,
    [TELLER.email, new Date(started.getTime() - 5_000)],
  );
  const sessionId = (rows[0] as { id: string } | undefined)?.id;
  expect(sessionId, "the sign-in created a session record").toBeDefined();
  return { page, context, sessionId: sessionId! };
}

const age = (sessionId: string, column: "last_seen_at" | "created_at", minutes: number) =>
  sql(`update user_sessions set ${column} = now() - make_interval(mins => $2) where id = $1`, [sessionId, minutes]);

test.describe("teller sessions end by themselves", () => {
  test("the screen warns a minute before the idle limit, and signs out at it", async ({ browser }) => {
    const { page, context, sessionId } = await signedInTeller(browser, (p) => p.clock.install());
    const warning = page.getByRole("alertdialog", { name: "You will be signed out soon" });

    await page.clock.fastForward("13:50");
    await expect(warning).toBeHidden();
    await page.clock.fastForward("00:20");
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("less than a minute");

    // Staying signed in is activity, reported to the server. Wait for the server's answer, not
    // just the request: a report still being handled when the session is aged below would land
    // after it and make the server's last activity recent again (the test's one-in-twelve flake).
    const reported = page.waitForResponse(
      (r) => r.url().endsWith("/api/session/activity") && r.request().method() === "POST",
    );
    await warning.getByRole("button", { name: "Stay signed in" }).click();
    await reported;
    await expect(warning).toBeHidden();

    // Idle again, and this time the server agrees (its last activity is 17 minutes old).
    await page.clock.fastForward("14:05");
    await expect(warning).toBeVisible();
    await age(sessionId, "last_seen_at", 17);
    await page.clock.fastForward("01:00");
    await expect(page).toHaveURL(/\/login\?idle=1$/);
    await expect(page.locator("#session-ended")).toHaveText(/You were signed out after 15 minutes without activity/);
    const { rows } = await sql("select ended_at is not null as ended from user_sessions where id = $1", [sessionId]);
    expect(rows[0]).toEqual({ ended: true });
    await page.goto("/teller");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test("the screen does not sign out while another tab keeps the session active", async ({ browser }) => {
    const { page, context } = await signedInTeller(browser, (p) => p.clock.install());
    // The server saw activity a moment ago (another tab): at the local limit the screen asks and stays.
    await page.clock.fastForward("15:01");
    await expect(page.getByRole("alertdialog")).toBeHidden();
    await expect(page).toHaveURL(/\/teller$/);
    await expect(page.getByRole("heading", { level: 1, name: "Counter" })).toBeVisible();
    await context.close();
  });

  test("the server refuses a session idle past the limit, even without the screen's timer", async ({ browser }) => {
    const { page, context, sessionId } = await signedInTeller(browser);
    await age(sessionId, "last_seen_at", 14);
    await page.goto("/teller");
    await expect(page.getByRole("heading", { level: 1, name: "Counter" })).toBeVisible();

    await age(sessionId, "last_seen_at", 17);
    await page.goto("/teller");
    await expect(page).toHaveURL(/\/login\?ended=idle$/);
    await expect(page.locator("#session-ended")).toHaveText(/without activity/);
    expect((await page.request.get("/api/teller/jobs")).status()).toBe(401);
    await context.close();
  });

  test("a session ends at its absolute lifetime however active it is", async ({ browser }) => {
    const { page, context, sessionId } = await signedInTeller(browser);
    // Active a moment ago, but signed in 10 hours and 1 minute ago.
    await age(sessionId, "created_at", 10 * 60 + 1);
    await page.goto("/teller");
    await expect(page).toHaveURL(/\/login\?ended=expired$/);
    await expect(page.locator("#session-ended")).toHaveText(/at most 10 hours/);
    await context.close();
  });
});
