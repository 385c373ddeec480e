import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ManagerStationsPage } from "./pages/manager-stations-page";
import { expectNoSidewaysPageScroll, NARROW_SCREENS } from "./support/layout";
import { sim } from "./support/simulator";
import { loadStation } from "./support/stock";
import { storageState } from "./support/users";

// Riverside's manager, so that Downtown's counter (used by the teller journeys running in
// parallel) keeps its stations; Riverside's default is put back afterwards.
test.use({ storageState: storageState("managerRiverside") });

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("manager: stations", () => {
  test.afterAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState("managerRiverside") });
    const stations = new ManagerStationsPage(await context.newPage());
    await stations.goto();
    if (!(await stations.row("BR002-PS-01").textContent())?.includes("Default"))
      await stations.makeDefault("Counter printer");
    await context.close();
  });

  test("a manager adds a station and makes it the default", async ({ page }) => {
    const id = `BR002-PS-E2E${Date.now().toString(36).toUpperCase()}`;
    // The simulator learns the station too, so a teller's next card can really be made there.
    await sim("POST", "/stations", { persoStation: id, branchCode: "BR002" });
    const stations = new ManagerStationsPage(page);
    await stations.goto();
    await stations.addWorkingStation({ persoStation: id, label: "E2E printer", location: "Back office" });
    await stations.makeDefault("E2E printer");
    await expect(stations.row(id)).toContainText("Default");
    await expect(stations.row("BR002-PS-01")).not.toContainText("Default");

    // The default cannot be disabled; another station can, and comes back.
    await expect(page.getByRole("button", { name: "Disable: E2E printer" })).toBeDisabled();
    // Why, in words on the page (not only in a hover title), and read with the button.
    await expect(page.getByRole("button", { name: "Disable: E2E printer" })).toHaveAccessibleDescription(
      "The default station cannot be disabled: make another station the default first.",
    );
    await stations.disable("Kiosk printer");
    await expect(stations.row("BR002-PS-02")).toContainText("Disabled");
    await expect(page.getByRole("button", { name: "Make default: Kiosk printer" })).toHaveCount(0);
    await stations.enable("Kiosk printer");
    await noSeriousViolations(page);
  });

  test("a new station prints the bank's test card through D1, is verified by it, and is then enabled", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const id = `BR002-PS-V${stamp}`;
    const label = `Test print ${stamp}`;
    await sim("POST", "/stations", { persoStation: id, branchCode: "BR002" });
    const stations = new ManagerStationsPage(page);
    await stations.goto();
    await stations.addStation({ persoStation: id, label, location: "Back office" });
    // The test card takes a blank card like any other: the station is loaded first (two people).
    await loadStation(page.request, id, 20, "tellerRiverside");
    await stations.goto();
    await expect(stations.row(id).getByTestId("station-stock")).toContainText("Debit blank PVC: 20");

    await stations.printTestCard(label);
    // Its progress, then the outcome, in words on the station's row (live, no reload).
    await expect(stations.row(id).getByTestId("test-print")).toHaveText("Test card produced: the station is verified", {
      timeout: 30_000,
    });
    await expect(stations.row(id)).not.toContainText("Not verified yet");
    await expect(page.getByRole("button", { name: `Print test card: ${label}` })).toHaveCount(0);
    // The test card left the station's stock and waits on the spoiled pile to be destroyed.
    await expect(stations.row(id).getByTestId("station-stock")).toContainText("Debit blank PVC: 19");
    await stations.enable(label);
    await expect(stations.row(id)).toContainText("Enabled");
    await noSeriousViolations(page);

    // The audit log says how the station was verified, in words.
    await page.goto("/manager/audit");
    await page.getByLabel("What was done").selectOption({ label: "Station verified (its test card was produced)" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("row").filter({ hasText: `${label} (${id})` })).toContainText("test card produced");
  });

  test("a duplicate station id gets a field error that says what to do, and names no branch", async ({ page }) => {
    const stations = new ManagerStationsPage(page);
    await stations.goto();
    await page.getByLabel("Station id (persoStation)").fill("BR002-PS-01");
    await page.getByLabel("Label", { exact: true }).fill("Copy");
    await page.getByRole("button", { name: "Register station" }).click();
    await expect(page.getByLabel("Station id (persoStation)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#station-persoStation-error")).toHaveText(
      "This station id is already registered. Check the id D1 gave you for this station.",
    );
    // The typed values survive the error.
    await expect(page.getByLabel("Label", { exact: true })).toHaveValue("Copy");
  });

  test("another branch's station id is refused: the form says which ids are this branch's", async ({ page }) => {
    const stations = new ManagerStationsPage(page);
    await stations.goto();
    const idField = page.getByLabel("Station id (persoStation)");
    await expect(idField).toHaveAccessibleDescription(/This branch's ids match BR002-PS-\*/);
    // Downtown's printer, free or not: Riverside learns nothing about it either way.
    for (const id of ["BR001-PS-09", "BR001-PS-01"]) {
      await idField.fill(id);
      await page.getByLabel("Label", { exact: true }).fill("Not ours");
      await page.getByRole("button", { name: "Register station" }).click();
      await expect(page.locator("#station-persoStation-error")).toHaveText(
        "Station ids of this branch match BR002-PS-*. Check the id, or ask an admin to change the pattern.",
      );
    }
    await expect(stations.row("BR001-PS-09")).toHaveCount(0);
  });

  test("the branch board and audit log have no serious accessibility violations", async ({ page }) => {
    await page.goto("/manager");
    await expect(page.getByRole("heading", { level: 1, name: "Branch board" })).toBeVisible();
    await expect(page.getByText("Cards per day, last 7 days")).toBeVisible();
    await noSeriousViolations(page);
    await page.goto("/manager/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Branch audit log" })).toBeVisible();
    await noSeriousViolations(page);
  });

  test("on narrow screens the stations and the board scroll their tables, not the page", async ({ page }) => {
    const stations = new ManagerStationsPage(page);
    for (const size of NARROW_SCREENS) {
      await page.setViewportSize(size);
      await stations.goto();
      await expectNoSidewaysPageScroll(page);
      // The table's last column (the actions) is still there, reached by scrolling the table.
      await stations
        .row("BR002-PS-01")
        .getByRole("button", { name: /^Disable:|^Enable:/ })
        .scrollIntoViewIfNeeded();
      await expect(stations.row("BR002-PS-01").getByRole("button", { name: /^Disable:|^Enable:/ })).toBeInViewport();
      await expectNoSidewaysPageScroll(page);
      await page.goto("/manager");
      await expect(page.getByRole("heading", { level: 2, name: "Latest card requests" })).toBeVisible();
      await expectNoSidewaysPageScroll(page);
    }
  });
});
