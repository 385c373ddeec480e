// The administrator's screens in German: every admin page, its title, headings, tables, filters,
// forms and the D1 check's steps, each checked with axe. A missing translation shows as English
// and fails here.
//
// The demo admin reads German through the `bii_lang` cookie of this browser context only (no
// language is stored on the user, so every other spec's demo admin stays English). Not a second
// administrator of our own: while one exists, admin-users.spec.ts's "the last active admin cannot
// be demoted", running beside this spec, would demote the demo admin every spec signs in as.
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BASE_URL } from "./support/config";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

/** Serious or critical axe findings on the page as it is now (none expected). */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

/** Opens a page (fully loaded, hydrated), checks its German h1 and title, and runs axe. */
async function visit(page: Page, path: string, heading: string | RegExp, title: RegExp) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page).toHaveTitle(title);
  expect(await axeFindings(page)).toEqual([]);
}

async function german(context: BrowserContext) {
  await context.addCookies([{ name: "bii_lang", value: "de", url: BASE_URL }]);
}

test.describe("the admin's screens in German", () => {
  test.beforeEach(async ({ context }) => {
    await german(context);
  });

  test("home, products, stock types and approval rules", async ({ page }) => {
    test.setTimeout(120_000);
    await visit(page, "/admin", "Verwaltung", /^Verwaltung ·/);
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Freigaberegeln" })).toBeVisible();
    await expect(page.getByText(/\d+ angeboten, \d+ zurückgezogen/)).toBeVisible();

    await visit(page, "/admin/products", "Kartenprodukte", /^Kartenprodukte ·/);
    const table = page.getByRole("table", { name: "Kartenprodukte" });
    await expect(table.getByRole("columnheader", { name: "Angeboten in" })).toBeVisible();
    await expect(table.getByRole("button", { name: /zurückziehen$/ }).first()).toBeVisible();
    await expect(table.getByText(/\d+ Stellen/).first()).toBeVisible();

    await page.getByRole("link", { name: "Neues Produkt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Neues Kartenprodukt" })).toBeVisible();
    await expect(page).toHaveTitle(/^Neues Kartenprodukt ·/);
    await expect(page.getByLabel("Name für die Kundenberater")).toBeVisible();
    await expect(page.getByLabel("Buchstaben mit Akzenten")).toContainText("Wie im Reisepass (ICAO 9303)");
    await expect(page.getByRole("group", { name: "Angeboten in diesen Filialen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Produkt anlegen" })).toBeVisible();
    expect(await axeFindings(page)).toEqual([]);

    await page.goto("/admin/products");
    const first = page.getByRole("table", { name: "Kartenprodukte" }).getByRole("rowheader").getByRole("link").first();
    const productName = (await first.textContent())!;
    await visit(page, (await first.getAttribute("href"))!, productName, /^Kartenprodukt ·/);
    await expect(page.getByRole("link", { name: "Zurück zu den Kartenprodukten" })).toBeVisible();
    await expect(page.getByLabel("Kartenbestand (Kartenrohling)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Produkt speichern" })).toBeVisible();

    await visit(page, "/admin/stock-types", "Kartenbestandsarten", /^Kartenbestandsarten ·/);
    await expect(page.getByRole("columnheader", { name: "Produkte" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Bestandsart hinzufügen" })).toBeVisible();

    await visit(page, "/admin/approvals", "Freigaberegeln", /^Freigaberegeln ·/);
    await expect(page.getByLabel("Eine zweite Ersatzkarte innerhalb von (Tagen)")).toBeVisible();
    await expect(page.getByRole("link", { name: "Kartenprodukte" }).last()).toBeVisible();
  });

  test("branches and users, with a teller created and a temporary password in German", async ({ page }) => {
    test.setTimeout(120_000);
    await visit(page, "/admin/branches", "Filialen", /^Filialen ·/);
    await expect(page.getByRole("columnheader", { name: "Zeitzone" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Filiale anlegen" })).toBeVisible();
    // The time zones are named in German for the suggestions.
    await expect(page.locator('datalist#time-zones option[value="Europe/Berlin"]')).toHaveAttribute(
      "label",
      /^Mitteleuropäische/,
    );
    const branch = page.getByRole("link", { name: "Riverside", exact: true });
    await visit(page, (await branch.getAttribute("href"))!, /^Riverside/, /^Filiale ·/);
    await expect(page.getByText("Das Filialkürzel steht fest")).toBeVisible();
    await expect(page.getByLabel("Muster der Stationskennungen")).toBeVisible();
    await expect(page.getByRole("button", { name: "Filiale speichern" })).toBeVisible();

    await visit(page, "/admin/users", "Benutzer", /^Benutzer ·/);
    await expect(page.getByRole("form", { name: "Benutzer suchen" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Rolle" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Filialleitung" }).first()).toBeVisible();

    const suffix = Date.now().toString(36);
    const name = `Lena Verwaltung ${suffix}`;
    await page.getByLabel("Vollständiger Name").fill(name);
    await page.getByLabel("E-Mail-Adresse").fill(`e2e-lang-admin-${suffix}@riverside.demo`);
    await page.getByLabel("Rolle", { exact: true }).selectOption("teller");
    await page.getByLabel(/^Filiale/).selectOption({ label: "Riverside (BR002)" });
    await page.getByRole("button", { name: "Benutzer anlegen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Vorläufiges Passwort für" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Passwort kopieren" })).toBeVisible();
    expect(await axeFindings(page)).toEqual([]);

    await page.goto("/admin/users");
    const user = page.getByRole("link", { name });
    await visit(page, (await user.getAttribute("href"))!, name, /^Benutzer ·/);
    await expect(page.getByText("Hat sich noch nicht angemeldet.")).toBeVisible();
    await page.getByRole("button", { name: "Deaktivieren…" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "deaktivieren?" })).toContainText(
      `${name} (e2e-lang-admin-${suffix}@riverside.demo) deaktivieren?`,
    );
    await page.getByRole("button", { name: "Aktiv lassen" }).click();
    await page.getByRole("button", { name: "Passwort zurücksetzen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Vorläufiges Passwort für" })).toBeVisible();
    expect(await axeFindings(page)).toEqual([]);
  });

  test("single sign-on, the D1 check, the audit log and the customer access log", async ({ page }) => {
    test.setTimeout(120_000);
    await visit(page, "/admin/sso", "Single Sign-on", /^Single Sign-on ·/);
    await expect(page.getByLabel("Gruppenname")).toBeVisible();
    await expect(page.getByRole("button", { name: "Zuordnung speichern" })).toBeVisible();

    await visit(page, "/admin/d1", "D1-Verbindung", /^D1-Verbindung ·/);
    const certificate = page.getByRole("region", { name: "Client-Zertifikat" });
    await expect(certificate.getByText("Läuft ab", { exact: true })).toBeVisible();
    await expect(certificate.locator("dd", { hasText: /noch \d+ Tage/ })).toContainText(" UTC");
    await page.getByRole("button", { name: "Prüfung starten" }).click();
    const results = page.getByRole("region", { name: "Ergebnis der Prüfung" });
    await expect(results.getByRole("status")).toHaveText("Alle Schritte bestanden.");
    const table = results.getByRole("table");
    await expect(table.getByRole("row", { name: /^Einstellungen vollständig/ })).toContainText("Bestanden");
    await expect(table.getByRole("row", { name: /^Einstellungen vollständig/ })).toContainText(
      "Alle D1-Einstellungen sind vorhanden.",
    );
    await expect(table.getByRole("row", { name: /^productionStatus/ })).toContainText("wie dokumentiert mit 404");
    await expect(table.getByRole("row", { name: /^Unser Benachrichtigungsempfänger/ })).toContainText("(401)");
    expect(await axeFindings(page)).toEqual([]);

    await visit(page, "/admin/audit", "Prüfprotokoll", /^Prüfprotokoll ·/);
    await expect(page.getByRole("form", { name: "Prüfprotokoll filtern" })).toBeVisible();
    await expect(page.getByLabel("Was getan wurde")).toContainText("Karte ausgehändigt");
    await expect(page.getByRole("columnheader", { name: "Wann (UTC)" })).toBeVisible();
    // The entries written above (a teller created, a password reset) in German words.
    await expect(page.getByRole("cell", { name: /^Benutzer angelegt/ }).first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Seiten des Prüfprotokolls" })).toContainText("Seite 1");
    await page.getByLabel("Was getan wurde").selectOption("user.create");
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    // The change words are German; the values stay as stored.
    await expect(page.locator("li", { hasText: /^Rolle: — → teller$/ }).first()).toBeVisible();
    await expect(page.locator("li", { hasText: /^aktiv: — → ja$/ }).first()).toBeVisible();

    await visit(page, "/admin/access-log", "Protokoll der Kundenzugriffe", /^Protokoll der Kundenzugriffe ·/);
    await expect(page.getByLabel("Kundennummer")).toBeVisible();
    await expect(page.getByRole("link", { name: "Diese Zugriffe als CSV exportieren" })).toBeVisible();
    await expect(
      page.getByRole("columnheader", { name: "Wann (UTC)" }).or(page.getByText("Keine Zugriffe passen")),
    ).toBeVisible();
  });
});
