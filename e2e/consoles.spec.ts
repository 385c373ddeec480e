// Consoles that read like a manager's (issue 15, part 7): a station's life from a disabled,
// unverified registration to enabled, a mistyped one deleted, the audit log in names and
// "field: before → after" with an action list and a branch CSV, and every manager and admin page
// usable at 1024×768 and 768×1024 without sideways scrolling.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ManagerStationsPage } from "./pages/manager-stations-page";
import { expectNoSidewaysPageScroll, NARROW_SCREENS } from "./support/layout";
import { storageState } from "./support/users";

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("manager console", () => {
  // Riverside's manager, so that Downtown's counter (the teller journeys) keeps its stations.
  test.use({ storageState: storageState("managerRiverside") });

  test("a station is registered disabled, verified by a test card, enabled and renamed; a mistyped one is deleted; the audit log says so in words", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const good = `BR002-PS-C${stamp}`;
    const typo = `BR002-PS-T${stamp}`;
    const label = `Console ${stamp}`;
    const stations = new ManagerStationsPage(page);
    await stations.goto();

    await stations.addStation({ persoStation: good, label, location: "Back office" });
    // Not offered for enabling before its test card.
    await expect(page.getByRole("button", { name: `Enable: ${label}` })).toHaveCount(0);
    await stations.confirmTestCard(label);
    await expect(stations.row(good)).not.toContainText("Not verified yet");
    await stations.enable(label);
    await expect(stations.row(good)).toContainText("Enabled");

    await page.getByRole("button", { name: `Rename: ${label}` }).click();
    await stations.row(good).getByLabel("Label").fill(`${label} renamed`);
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText(`The station is now called ${label} renamed.`)).toBeVisible();
    // A station that sent no card yet can still go; one with cards cannot (no Delete offered).
    await expect(stations.row("BR002-PS-01").getByRole("button", { name: /^Delete/ })).toHaveCount(0);

    await stations.addStation({ persoStation: typo, label: `Typo ${stamp}` });
    await page.getByRole("button", { name: `Delete: Typo ${stamp}` }).click();
    await page.getByRole("button", { name: "Delete station" }).click();
    await expect(page.getByText(`Typo ${stamp} (${typo}) is deleted.`)).toBeVisible();
    await expect(stations.row(typo)).toHaveCount(0);
    await noSeriousViolations(page);

    // The audit log: the action from a list, names instead of ids, the change in words.
    await page.goto("/manager/audit");
    await expect(page.getByRole("columnheader", { name: "When (Europe/Berlin)" })).toBeVisible();
    await expect(page.getByLabel("From (date in Europe/Berlin)")).toBeVisible();
    await page.getByLabel("What was done").selectOption({ label: "Station renamed" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=station\.rename/);
    const renamed = page.getByRole("row").filter({ hasText: `${label} renamed (${good})` });
    await expect(renamed).toContainText(`label: ${label} → ${label} renamed`);
    await expect(renamed).toContainText("Station renamed");
    await expect(renamed).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expect(page.getByRole("row").filter({ hasText: "Station registered" })).toHaveCount(0);

    await page.getByLabel("What was done").selectOption({ label: "Station deleted" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("row").filter({ hasText: `Typo ${stamp}` })).toContainText(`station id: ${typo} → —`);

    // A "To" before "From" is refused with a message, not an empty list.
    await page.getByLabel("From (date in Europe/Berlin)").fill("2026-11-30");
    await page.getByLabel("To (date in Europe/Berlin)").fill("2026-11-01");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.locator("#audit-to-error")).toContainText("“To” is before “From”");
    await noSeriousViolations(page);

    // The branch's CSV, with the same words.
    const csv = await page.request.get("/api/manager/audit/export?action=station.rename");
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Station renamed");
    expect(text).toContain(`label: ${label} → ${label} renamed`);
    expect(text).not.toContain("Downtown");
  });
});

const MANAGER_PAGES = [
  "/manager",
  "/manager/stations",
  "/manager/reports",
  "/manager/end-of-day",
  "/manager/approvals",
  "/manager/audit",
];
const ADMIN_PAGES = [
  "/admin",
  "/admin/products",
  "/admin/products/new",
  "/admin/branches",
  "/admin/users",
  "/admin/sso",
  "/admin/d1",
  "/admin/audit",
  "/admin/access-log",
  "/admin/approvals",
  "/manager",
  "/manager/stations",
  "/manager/reports",
  "/manager/end-of-day",
  "/manager/approvals",
  "/manager/audit",
];

/** Every page at both sizes: no sideways page scroll, and the navigation is one row or a menu. */
async function checkLayouts(page: Page, paths: string[]) {
  for (const size of NARROW_SCREENS) {
    await page.setViewportSize(size);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await expectNoSidewaysPageScroll(page);
      // The header stays short: no navigation stacked in rows.
      const header = await page.locator("header").boundingBox();
      expect(header!.height, `${path} at ${size.width}px: header height`).toBeLessThan(140);
    }
  }
}

test.describe("layouts at 1024×768 and 768×1024", () => {
  test("every manager page fits", async ({ browser }) => {
    test.setTimeout(60_000);
    const context = await browser.newContext({ storageState: storageState("manager") });
    await checkLayouts(await context.newPage(), MANAGER_PAGES);
    await context.close();
  });

  test("every admin page fits, including a product, a branch and a user", async ({ browser }) => {
    // Seventeen pages at two sizes.
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageState("admin") });
    const page = await context.newPage();
    const detail = async (list: string, prefix: string) => {
      await page.goto(list);
      return page.locator(`main table a[href^="${prefix}"]`).first().getAttribute("href");
    };
    const extra = [
      await detail("/admin/products", "/admin/products/"),
      await detail("/admin/branches", "/admin/branches/"),
      await detail("/admin/users", "/admin/users/"),
    ].filter((href): href is string => href !== null);
    expect(extra).toHaveLength(3);
    await checkLayouts(page, [...ADMIN_PAGES, ...extra]);

    // The compact menu opens, names the page, and leads on.
    await page.setViewportSize(NARROW_SCREENS[0]);
    await page.goto("/admin/users");
    const menu = page.getByRole("navigation", { name: "Main" }).locator("summary");
    await expect(menu).toHaveText(/Menu\s*· Users/);
    await menu.click();
    await page.getByRole("link", { name: "Card products" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Card products" })).toBeVisible();
    await expect(menu).toHaveText(/Menu\s*· Card products/);
    await expect(page.getByRole("link", { name: "Card products" })).toBeHidden();
    await context.close();
  });
});
