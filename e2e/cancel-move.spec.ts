// Cancel or move a request while it waits, so that no card prints after the customer has gone
// (issue 14, T2 and M4): cancel while D1 answers 500; move a request off an offline station; a
// manager disables a station with a waiting request and moves it. Each journey uses stations of
// its own, so the faults it injects cannot reach another journey's card.
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { callAction, serverActions } from "./support/server-actions";
import { productionsFor, sim } from "./support/simulator";
import { loadStation } from "./support/stock";
import { storageState } from "./support/users";

test.use({ storageState: storageState("teller") });

type SimStation = { queue: string[]; produced: number };

/** A station known to the simulator and registered at Downtown by its manager. */
async function station(manager: APIRequestContext, name: string, config: Record<string, unknown> = {}) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
  const persoStation = `BR001-PS-M${suffix}`;
  const label = `${name} ${suffix}`;
  // Cards for an offline station wait in its queue for two minutes (longer than any journey).
  await sim("POST", "/stations", {
    persoStation,
    branchCode: "BR001",
    timings: { readyMs: 300, doneMs: 900, offlineTimeoutMs: 120_000 },
    ...config,
  });
  const register = serverActions().find((a) => a.name === "registerStationAction")!;
  const registered = await callAction(manager, register, [{ persoStation, label, location: "Test desk" }]);
  expect(registered.body).toContain('"ok":true');
  await loadStation(manager, persoStation);
  return { persoStation, label };
}

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a teller cancels a request while D1 answers 500, and no card is made", async ({ page, playwright, baseURL }) => {
  const manager = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  const broken = await station(manager, "Broken D1 printer");
  await sim("POST", "/faults/orders", { mode: "http500", count: 1000, persoStation: broken.persoStation });
  try {
    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000081");
    await counter.issue({ station: broken.label });
    await expect(page.getByTestId("progress")).toContainText("D1 is not reachable right now", { timeout: 20_000 });
    const reference = await counter.reference();
    await noSeriousViolations(page);

    await page.getByRole("button", { name: "Cancel the request" }).click();
    await page.getByRole("button", { name: "Yes, cancel the request" }).click();
    await expect(page.getByTestId("canceled")).toBeVisible();
    await expect(counter.jobState()).toHaveText(/Canceled/);
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      await expect(page.getByTestId("canceled")).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancel the request" })).toHaveCount(0);
      await expect(page.getByLabel("Move to station")).toHaveCount(0);
    }
    // D1 is back: the canceled request is never ordered.
    await sim("DELETE", "/faults/orders");
    await page.reload();
    await expect(counter.jobState()).toHaveText(/Canceled/);
    expect(await productionsFor(reference)).toBe(0);
  } finally {
    await sim("DELETE", "/faults/orders");
    await manager.dispose();
  }
});

test("a teller moves a request off an offline station; nothing prints there when it comes back", async ({
  page,
  playwright,
  baseURL,
}) => {
  const manager = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  const offline = await station(manager, "Offline printer", { state: "OFFLINE" });
  const spare = await station(manager, "Spare printer");
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000082");
  await counter.issue({ station: offline.label });
  await expect(page.getByTestId("progress")).toContainText("Waiting for the station", { timeout: 20_000 });
  const oldUrl = page.url();
  const oldReference = await counter.reference();

  // The request's own station is not offered.
  const select = page.getByLabel("Move to station");
  await expect(select.locator("option", { hasText: offline.label })).toHaveCount(0);
  await select.selectOption({ label: (await select.locator("option", { hasText: spare.label }).textContent())! });
  await page.getByRole("button", { name: "Move the request" }).click();
  await expect(page).not.toHaveURL(oldUrl);
  await expect(page.getByTestId("retry-of")).toContainText(`Moved from ${offline.label}`);
  await counter.expectDone();
  await noSeriousViolations(page);

  await page.goto(oldUrl);
  await expect(page.getByTestId("moved")).toContainText(`Moved to ${spare.label}`);
  await expect(counter.jobState()).toHaveText(/Moved/);
  await expect(page.getByTestId("failure")).toHaveCount(0);

  await sim("PATCH", `/stations/${offline.persoStation}`, { state: "ONLINE" });
  const back = await sim<SimStation>("GET", `/stations/${offline.persoStation}`);
  expect(back.queue).toEqual([]);
  expect(back.produced).toBe(0);
  expect(await productionsFor(oldReference)).toBe(0);
  await manager.dispose();
});

test("a manager disables a station with a waiting request and moves it", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const managerApi = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  const offline = await station(managerApi, "Closing printer", { state: "OFFLINE" });
  const spare = await station(managerApi, "Taking-over printer");
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000083");
  await counter.issue({ station: offline.label });
  await expect(page.getByTestId("progress")).toContainText("Waiting for the station", { timeout: 20_000 });
  const customer = (await page.getByRole("heading", { level: 1 }).getByRole("link").textContent())!;
  const oldUrl = page.url();

  const context = await browser.newContext({ storageState: storageState("manager") });
  const manager = await context.newPage();
  await manager.goto("/manager/stations");
  await manager.getByRole("button", { name: `Disable ${offline.label}` }).click();
  const warning = manager.getByRole("alert").filter({ hasText: "still waiting" });
  await expect(warning.getByRole("list", { name: "Requests waiting at this station" })).toContainText(customer);
  await noSeriousViolations(manager);
  await warning.getByLabel("Move them to").selectOption({ label: spare.label });
  await warning.getByRole("button", { name: "Move them and disable" }).click();
  await expect(manager.getByText(`${offline.label} is disabled. 1 request moved to ${spare.label}.`)).toBeVisible();
  await context.close();

  await page.goto(oldUrl);
  await expect(page.getByTestId("moved")).toContainText(`Moved to ${spare.label}`);
  await page.getByRole("link", { name: "→ open the new request" }).click();
  await counter.expectDone();
  await sim("PATCH", `/stations/${offline.persoStation}`, { state: "ONLINE" });
  expect((await sim<SimStation>("GET", `/stations/${offline.persoStation}`)).produced).toBe(0);
  await managerApi.dispose();
});
