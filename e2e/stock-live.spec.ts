// Low stock, live (issue 15): the teller's station picker is open at the counter while the
// manager loads the station at the back office. Without a reload, the station is offered once it
// holds cards, the picker warns while it is low and stops warning once it is full; the manager's
// stock page follows a colleague's load the same way (migration 0020_stock_changes_notify).
import pg from "pg";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { readRunInfo } from "./support/run-dir";
import { sim } from "./support/simulator";
import { registerWorkingStation } from "./support/stations";
import { loadStation } from "./support/stock";
import { persona, storageState } from "./support/users";

test.use({ storageState: storageState("manager") });

// Only looked at, never issued to: a Gold Credit customer of the stock journey.
const CUSTOMER = "C00000236";

async function creditStockTypeId(): Promise<string> {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("select id from stock_types where code = 'CREDIT-PVC'");
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

test("a load at the back office reaches the open station picker and stock page without a reload", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const teller = persona("teller");
  const credit = await creditStockTypeId();
  const suffix = Date.now().toString(36).toUpperCase();
  const persoStation = `BR001-PS-L${suffix}`;
  const label = `Live stock printer ${suffix}`;
  await sim("POST", "/stations", {
    persoStation,
    branchCode: "BR001",
    timings: { readyMs: 200, doneMs: 500, offlineTimeoutMs: 120_000 },
  });
  // Registered, verified and enabled, with no blank cards yet.
  await registerWorkingStation(page.request, { persoStation, label, location: "Live desk" }, { load: false });

  // The teller's picker, open: a station without blank cards of the product's stock is not offered.
  const tellerContext = await browser.newContext({ baseURL, storageState: storageState("teller") });
  const tellerPage = await tellerContext.newPage();
  const counter = new CounterPage(tellerPage);
  await counter.goto();
  await counter.openCustomer(CUSTOMER);
  await expect(tellerPage.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await tellerPage.getByRole("radio", { name: "Gold Credit" }).check();
  const picker = tellerPage.getByLabel("Personalization station");
  const option = picker.locator("option", { hasText: label });
  await expect(picker.locator("option").first()).toBeAttached();
  await expect(option).toHaveCount(0);

  // The manager loads 5 cards on the stock page, with the teller as the second person.
  await page.goto("/manager/stock");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const load = page.getByRole("region", { name: "Load a station" });
  await load.getByLabel("Card stock").selectOption({ label: "Credit blank PVC" });
  await load.getByLabel("Station").selectOption({ label });
  await load.getByLabel("Number of cards").fill("5");
  await load.getByLabel("Their e-mail").fill(teller.email);
  await load.getByLabel("Their password").fill(teller.password);
  await load.getByRole("button", { name: "Load the station" }).click();
  await expect(page.getByTestId("load-done")).toContainText(`5 cards loaded into ${label}`);

  // At the counter, unreloaded: the station is offered now, and the teller is warned before sending.
  await expect(option).toHaveCount(1);
  await picker.selectOption({ label: (await option.textContent())! });
  await expect(tellerPage.getByTestId("low-stock")).toHaveText(`Only 5 blank cards left at ${label}.`);

  // A colleague loads 100 more elsewhere (the same action, from another session of the branch's
  // manager): the open stock page shows 105 and the picker stops warning, neither reloaded.
  const cell = page.locator("tr", { hasText: label }).locator(`[data-testid$="-${credit}"]`);
  await expect(cell).toHaveText("5");
  await loadStation(page.request, persoStation, 100);
  await expect(cell).toHaveText("105");
  await expect(tellerPage.getByTestId("low-stock")).toHaveCount(0);
  await expect(option).toBeAttached();
  await tellerContext.close();
});
