// The branch manager's screens in German: a manager of its own (so the demo managers every other
// journey reads in English stay English) switches to German in the header and visits the board,
// approvals, stations, card stock, end of day, reports and the branch audit log. Each page has a
// German heading, title and key texts, and axe finds nothing serious in German either.
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

/** Opens a manager page and checks its German main heading and the start of its title. */
async function visit(page: Page, path: string, heading: string, title: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${title} · `));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
}

test("a branch manager reads every manager screen in German, accessibly", async ({ page, browser }) => {
  // Seven pages, each with an axe scan: longer than one journey's default.
  test.slow();
  const suffix = Date.now().toString(36);
  const email = `e2e-lang-mgr-${suffix}@riverside.demo`;
  await page.goto("/admin/users");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Full name").fill(`Jonas Leitung ${suffix}`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByLabel(/^Branch/).selectOption({ label: "Riverside (BR002)" });
  await page.getByRole("button", { name: "Create user" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!;
  const password = `a long passphrase ${suffix}`;

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-GB" });
  const manager = await context.newPage();
  const login = new LoginPage(manager);
  await login.goto();
  await login.signIn(email, temporary);
  await manager.getByLabel("Current password").fill(temporary);
  await manager.getByLabel(/^New password \(/).fill(password);
  await manager.getByLabel("New password again").fill(password);
  await manager.getByRole("button", { name: "Change password" }).click();
  await expect(manager).toHaveURL(/\/manager$/);
  await manager.getByLabel("Language: English").click();
  await manager.getByRole("button", { name: "Deutsch" }).click();
  await expect(manager.getByRole("button", { name: "Abmelden" })).toBeVisible();

  // The board: its figures, the chart's table, the lists of the day.
  await visit(manager, "/manager", "Filialübersicht", "Filialübersicht");
  await expect(manager.getByText(/· Zeiten in /).first()).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Neueste Kartenanträge" })).toBeVisible();
  await expect(manager.getByRole("heading", { name: /^Warten auf Freigabe durch eine Führungskraft/ })).toBeVisible();
  await expect(manager.getByRole("region", { name: "Produziert, nicht ausgehändigt" })).toBeVisible();
  await expect(manager.getByRole("table", { name: "Produzierte Karten und Störungen pro Tag" })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Letzte 7 Tage" })).toBeVisible();
  expect(await axeFindings(manager)).toEqual([]);

  await visit(manager, "/manager/approvals", "Freigaben", "Freigaben");
  await expect(manager.getByRole("heading", { name: /^Warten auf Freigabe durch eine Führungskraft/ })).toBeVisible();
  expect(await axeFindings(manager)).toEqual([]);

  await visit(manager, "/manager/stations", "Personalisierungsstationen", "Stationen");
  await expect(manager.getByRole("heading", { name: "Stationen und ihr Zustand" })).toBeVisible();
  await expect(manager.getByRole("table", { name: "Personalisierungsstationen und ihr Zustand" })).toBeVisible();
  await expect(manager.getByRole("columnheader", { name: "Kartenrohlinge" })).toBeVisible();
  await expect(manager.getByRole("button", { name: "Station registrieren" })).toBeVisible();
  await expect(manager.getByLabel("Stations-ID (persoStation)")).toBeVisible();
  expect(await axeFindings(manager)).toEqual([]);

  // Card stock: balances, the three four-eyes forms, the ledger.
  await visit(manager, "/manager/stock", "Kartenbestand", "Kartenbestand");
  await expect(manager.getByRole("heading", { name: "Bestände" })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Lieferung annehmen" })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Bestandsbuch" })).toBeVisible();
  const receive = manager.getByRole("region", { name: "Lieferung annehmen" });
  await expect(receive.getByText("Zweite Person (Vier-Augen-Prinzip)")).toBeVisible();
  await expect(receive.getByLabel("E-Mail-Adresse der zweiten Person")).toBeVisible();
  await expect(receive.getByRole("button", { name: "In den Tresor übernehmen" })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Ganzes Bestandsbuch herunterladen (CSV)" })).toBeVisible();
  expect(await axeFindings(manager)).toEqual([]);

  await visit(manager, "/manager/end-of-day", "Tagesabschluss", "Tagesabschluss");
  await expect(manager.getByRole("heading", { name: /^Zählung vom \d{2}\.\d{2}\.\d{4}$/ })).toBeVisible();
  await expect(manager.getByRole("navigation", { name: "Zu zählender Tag" })).toContainText("Heute");
  await expect(manager.getByRole("heading", { name: "Verlauf" })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Als CSV exportieren" })).toBeVisible();
  expect(await axeFindings(manager)).toEqual([]);

  // Reports: tables, the period choice, the downloads named in German.
  await visit(manager, "/manager/reports", "Berichte", "Berichte");
  await expect(manager.getByRole("heading", { name: "Ausgegebene Karten nach Mitarbeiter" })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Zeit bis zur Karte" })).toBeVisible();
  await expect(manager.getByRole("table", { name: /^Zeit bis zur Karte pro Zeitraum/ })).toContainText(
    "Gesamter Zeitraum",
  );
  await expect(
    manager.getByRole("link", { name: "CSV herunterladen: ausgegebene Karten nach Mitarbeiter" }),
  ).toBeVisible();
  await expect(manager.getByLabel("Pro", { exact: true })).toContainText("Woche (Montag bis Sonntag)");
  expect(await axeFindings(manager)).toEqual([]);

  await visit(manager, "/manager/audit", "Prüfprotokoll der Filiale", "Prüfprotokoll der Filiale");
  await expect(manager.getByRole("link", { name: "Diese Einträge als CSV exportieren" })).toBeVisible();
  expect(await axeFindings(manager)).toEqual([]);
  await context.close();
});
