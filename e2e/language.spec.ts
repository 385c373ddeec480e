// The user's language: chosen in the header, stored on the user (it follows them to another
// browser), kept for the sign-in page after signing out; the browser's language before any choice.
// A user of its own, so that the demo users every other journey reads in English stay English.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

/** Serious or critical axe findings on the page as it is now (none expected, in either language). */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

test("a teller switches to German; the choice is kept after signing out and in another browser", async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const email = `e2e-lang-${suffix}@riverside.demo`;
  await page.goto("/admin/users");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Full name").fill(`Lena Sprache ${suffix}`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("teller");
  await page.getByLabel(/^Branch/).selectOption({ label: "Riverside (BR002)" });
  await page.getByRole("button", { name: "Create user" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!;
  const password = `a long passphrase ${suffix}`;

  // An English browser: English until the teller chooses.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-GB" });
  const teller = await context.newPage();
  const login = new LoginPage(teller);
  await login.goto();
  await login.signIn(email, temporary);
  await teller.getByLabel("Current password").fill(temporary);
  await teller.getByLabel(/^New password \(/).fill(password);
  await teller.getByLabel("New password again").fill(password);
  await expect(teller.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
  await teller.getByRole("button", { name: "Change password" }).click();
  await expect(teller).toHaveURL(/\/teller$/);
  await expect(teller.locator("html")).toHaveAttribute("lang", "en");

  await teller.getByLabel("Language: English").click();
  await teller.getByRole("button", { name: "Deutsch" }).click();
  await expect(teller.locator("html")).toHaveAttribute("lang", "de");
  await expect(teller.getByRole("button", { name: "Abmelden" })).toBeVisible();
  await expect(teller.getByTestId("signed-in-user")).toContainText("Kundenberater");
  await expect(teller.getByLabel("Sprache: Deutsch")).toBeVisible();
  await teller.reload();
  await expect(teller.getByRole("button", { name: "Abmelden" })).toBeVisible();

  // The Counter, a customer and the issue form speak German, and stay accessible in German.
  await teller.goto("/teller");
  await expect(teller.getByRole("heading", { level: 1, name: "Schalter" })).toBeVisible();
  await expect(teller).toHaveTitle(/^Schalter/);
  await expect(teller.getByRole("heading", { name: "Heute in dieser Filiale" })).toBeVisible();
  await expect(teller.getByLabel("Anzeigen")).toContainText("Alle Status");
  expect(await axeFindings(teller)).toEqual([]);
  const search = teller.getByRole("combobox", { name: "Kunde oder Karte suchen" });
  await search.fill("C00000150");
  await expect(
    teller.getByRole("listbox", { name: "Kunden und Kartenanträge" }).getByRole("option").first(),
  ).toBeVisible();
  await search.press("Enter");
  await expect(teller.getByRole("heading", { name: "Karte ausgeben" })).toBeVisible();
  await expect(teller).toHaveTitle(/ · Kunde · Branch Instant Issuance$/);
  await expect(teller.locator("html")).toHaveAttribute("lang", "de");
  await expect(teller.getByText("Kundennummer", { exact: true })).toBeVisible();
  await expect(teller.getByRole("heading", { name: "Karten und Kartenanträge" })).toBeVisible();
  await expect(teller.getByRole("radio", { name: "Neue Karte" })).toBeChecked();
  await expect(teller.getByLabel("Name auf der Karte")).toBeVisible();
  await expect(teller.getByLabel("Personalisierungsstation")).toBeVisible();
  expect(await axeFindings(teller)).toEqual([]);
  await teller.getByRole("button", { name: "Prüfen" }).click();
  const review = teller.getByRole("region", { name: "Vor der Ausgabe prüfen" });
  await expect(review).toContainText("Grund: neue Karte");
  await expect(review.getByRole("button", { name: "Karte ausgeben" })).toBeVisible();
  expect(await axeFindings(teller)).toEqual([]);

  await teller.goto("/no-such-page");
  await expect(teller.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  await teller.goto("/teller");

  // Signed out: the sign-in page stays German on this browser.
  await teller.getByRole("button", { name: "Abmelden" }).click();
  await expect(teller.getByRole("button", { name: "Anmelden", exact: true })).toBeVisible();
  await expect(teller.locator("html")).toHaveAttribute("lang", "de");
  await context.close();

  // Another English browser: English before sign-in, the teller's German after.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-US" });
  const again = await other.newPage();
  const secondLogin = new LoginPage(again);
  await secondLogin.goto();
  await secondLogin.signIn(email, password);
  await expect(again).toHaveURL(/\/teller$/);
  await expect(again.locator("html")).toHaveAttribute("lang", "de");
  await expect(again.getByRole("link", { name: "Schalter" }).first()).toBeAttached();

  // Back to English, from the German menu.
  await again.getByLabel("Sprache: Deutsch").click();
  await again.getByRole("button", { name: "English" }).click();
  await expect(again.getByRole("button", { name: "Sign out" })).toBeVisible();
  await other.close();
});

test("before any choice, a German browser gets the sign-in page in German", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByLabel("E-Mail-Adresse")).toBeVisible();
  await expect(page.getByRole("button", { name: "Anmelden", exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/^Anmelden/);
  await context.close();
});
