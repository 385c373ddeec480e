// Card stock at the branch (issue 15): two people receive 500 blank cards and load 100 into a
// station on the same screen; the same person cannot sign twice; the teller is warned when the
// station runs low; five cards and one jam later the station holds 94 and the ledger shows one
// spoiled card at it.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { readRunInfo } from "./support/run-dir";
import { registerWorkingStation } from "./support/stations";
import { callAction, serverActions } from "./support/server-actions";
import { sim } from "./support/simulator";
import { persona, storageState } from "./support/users";

test.use({ storageState: storageState("manager") });

// Customers no other journey issues to: each gets one Gold Credit today.
const CUSTOMERS = ["C00000231", "C00000232", "C00000233", "C00000234", "C00000235", "C00000236"];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

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

test("two people receive and load; a jam spoils one card; the same person cannot sign twice", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const teller = persona("teller");
  const manager = persona("manager");
  const credit = await creditStockTypeId();

  // A station of its own, so that the figures are this journey's alone.
  const suffix = Date.now().toString(36).toUpperCase();
  const persoStation = `BR001-PS-S${suffix}`;
  const label = `Stock test printer ${suffix}`;
  await sim("POST", "/stations", {
    persoStation,
    branchCode: "BR001",
    timings: { readyMs: 200, doneMs: 500, offlineTimeoutMs: 120_000 },
  });
  // Registered, its test card confirmed and enabled; its blank cards are this journey's to load.
  await registerWorkingStation(page.request, { persoStation, label, location: "Stock desk" }, { load: false });

  const stationId = await (async () => {
    const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ id: string }>("select id from stations where perso_station = $1", [
      persoStation,
    ]);
    await client.end();
    return rows[0]!.id;
  })();
  await page.goto("/manager/stock");
  await expect(page.getByRole("heading", { name: "Card stock", level: 1 })).toBeVisible();
  // The vault is shared with journeys that load their own stations meanwhile: its receipt is
  // checked in the ledger; the new station's figures are this journey's alone.
  const ledger = page.getByRole("table", { name: "Stock movements, newest first" });

  // Receive 500: first with the manager's own e-mail as the second person (refused, values kept,
  // the password cleared), then a wrong password, then the teller signs.
  const receive = page.getByRole("region", { name: "Receive a shipment" });
  await receive.getByLabel("Card stock").selectOption({ label: "Credit blank PVC" });
  await receive.getByLabel("Number of cards").fill("500");
  await receive.getByLabel("Lot").fill(`LOT-${suffix}`);
  await receive.getByLabel("Supplier reference (delivery note)").fill("DN-4711");
  await receive.getByLabel("Their e-mail").fill(manager.email);
  await receive.getByLabel("Their password").fill(manager.password);
  await receive.getByRole("button", { name: "Receive into the vault" }).click();
  await expect(receive.locator("#receive-secondEmail-error")).toContainText("one person cannot sign twice");
  await expect(receive.getByLabel("Their e-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(receive.getByLabel("Number of cards")).toHaveValue("500");
  await expect(receive.getByLabel("Their password")).toHaveValue("");

  await receive.getByLabel("Their e-mail").fill(teller.email);
  await receive.getByLabel("Their password").fill("not-the-password");
  await receive.getByRole("button", { name: "Receive into the vault" }).click();
  await expect(receive.locator("#receive-secondPassword-error")).toContainText("not right");
  await expect(receive.getByLabel("Lot")).toHaveValue(`LOT-${suffix}`);

  await receive.getByLabel("Their password").fill(teller.password);
  await receive.getByRole("button", { name: "Receive into the vault" }).click();
  await expect(page.getByTestId("receive-done")).toContainText(
    `500 cards of Credit blank PVC received into the vault, confirmed by ${teller.name}`,
  );
  await page.reload();
  await expect(
    ledger.locator("tr", { hasText: `Lot LOT-${suffix} · Ref. DN-4711` }).filter({ hasText: "+500" }),
  ).toContainText(`${manager.name} and ${teller.name}`);

  // Load 100 into the new station.
  const load = page.getByRole("region", { name: "Load a station" });
  await load.getByLabel("Card stock").selectOption({ label: "Credit blank PVC" });
  await load.getByLabel("Station").selectOption({ label });
  await load.getByLabel("Number of cards").fill("100");
  await load.getByLabel("Their e-mail").fill(teller.email);
  await load.getByLabel("Their password").fill(teller.password);
  await load.getByRole("button", { name: "Load the station" }).click();
  await expect(page.getByTestId("load-done")).toContainText(
    `100 cards loaded into ${label}, confirmed by ${teller.name}`,
  );
  await page.reload();
  const station = page
    .locator('tr[data-testid^="balance-"]', { hasText: label })
    .getByTestId(/^balance-.*-/)
    .nth(0);
  const stationCell = page.locator("tr", { hasText: label }).locator(`[data-testid$="-${credit}"]`);
  await expect(stationCell).toHaveText("100");
  await expect(station).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Warn below 150 at this station: the teller sees "Only 100 blank cards left" before sending.
  const threshold = serverActions().find((a) => a.name === "setLowStockThresholdAction")!;
  expect((await callAction(page.request, threshold, [{ stationId, threshold: 150 }])).body).toContain('"ok":true');

  // The teller issues six Gold Credit cards there; the first one jams.
  await sim("POST", `/stations/${persoStation}/faults`, { kind: "jam", count: 1 });
  const tellerContext = await browser.newContext({ baseURL, storageState: storageState("teller") });
  const tellerPage = await tellerContext.newPage();
  const counter = new CounterPage(tellerPage);
  for (const [i, customer] of CUSTOMERS.entries()) {
    await counter.goto();
    await counter.openCustomer(customer);
    await tellerPage.getByRole("radio", { name: "Gold Credit" }).check();
    await tellerPage
      .getByLabel("Personalization station")
      .selectOption({ label: (await optionFor(tellerPage, label))! });
    if (i === 0) {
      await expect(tellerPage.getByTestId("low-stock")).toHaveText(`Only 100 blank cards left at ${label}.`);
      expect(await seriousViolations(tellerPage)).toEqual([]);
    }
    await tellerPage.getByRole("button", { name: "Review" }).click();
    await tellerPage.getByRole("button", { name: "Issue card" }).click();
    await expect(tellerPage).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
    if (i === 0) await expect(tellerPage.getByTestId("failure")).toBeVisible({ timeout: 20_000 });
    else await counter.expectDone();
  }
  await tellerContext.close();

  // loaded − produced − spoiled: 100 − 5 − 1, and one spoiled card in the ledger at this station.
  await page.reload();
  await expect(stationCell).toHaveText("94");
  const spoiledHere = ledger.locator("tr", { hasText: label }).filter({ hasText: "Production exception" });
  await expect(spoiledHere).toHaveCount(1);
  await expect(ledger.locator("tr", { hasText: label }).filter({ hasText: "Produced" })).toHaveCount(5);
  expect(await seriousViolations(page)).toEqual([]);

  // The CSV has the same rows, with both names on the load.
  const csv = await (await page.request.get("/api/manager/stock/export")).text();
  expect(csv).toContain(`"station","${label}","loaded","100"`);
  expect(csv).toContain(`"${manager.name}","${teller.name}"`);
});

async function optionFor(page: Page, label: string) {
  const options = await page.getByLabel("Personalization station").locator("option").allTextContents();
  return options.find((o) => o.includes(label));
}
