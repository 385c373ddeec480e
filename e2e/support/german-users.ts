// Users of Riverside whose language is German (users.language = 'de'), one per role, for the
// journeys that read every screen in German: the demo users stay English for every other spec.
// They share the demo users' password (the hash is copied), so they sign in like them.
import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { LoginPage } from "../pages/login-page";
import { query } from "./database";
import { DEMO_PASSWORD } from "../../db/seed-data.ts";
import { HOME_PATH } from "./users";

export type Role = "teller" | "manager" | "admin";

export const germanEmail = (role: Role) => `e2e-de-${role}@riverside.demo`;

/** Creates the role's German user once (later runs on the same database find it). */
async function ensureGermanUser(role: Role): Promise<void> {
  await query(
    `insert into users (name, email, password_hash, role, branch_id, language)
     select $1, $2, password_hash, role, branch_id, 'de' from users where email = $3
     on conflict (lower(email)) do nothing`,
    [`Greta Deutsch (${role})`, germanEmail(role), `${role}@riverside.demo`],
  );
}

/** A browser signed in as the role's German user, on its home page, in German. */
export async function germanContext(browser: Browser, role: Role): Promise<BrowserContext> {
  await ensureGermanUser(role);
  // An English browser: German comes from the user's own choice, not from Accept-Language.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-GB" });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(germanEmail(role), DEMO_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`${HOME_PATH[role]}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.close();
  return context;
}
