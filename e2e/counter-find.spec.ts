// Finding and choosing at the counter: a search that fails says so and can be tried again; one
// that finds more customers than it shows says so; the
// station picker marks a station that just jammed (live, in a page already open); a card is found
// again by its last four digits; the times of one request agree on the Counter, the customer
// page and the job page in the branch's zone whatever the browser's; the D1 outage banner.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { sim } from "./support/simulator";
import { storageState } from "./support/users";
import { registerWorkingStation } from "./support/stations";

test.use({ storageState: storageState("teller") });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

/** The branch's (Europe/Berlin) rendering of an instant, computed independently of the app. */
function berlin(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  // The teller reads English: the date in British order (lib/datetime.ts), the time in Berlin.
  return { time, seconds: `${time}:${parts.second}`, dateTime: `${parts.day}/${parts.month}/${parts.year} ${time}` };
}

test("a failed search says so and is tried again; it never says no customer matches", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  // The network is down for the search: the server action's request is cut off.
  const cut = (route: import("@playwright/test").Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.fallback();
  await page.route("**/teller", cut);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.fill("Schmidt");
  const alert = page.getByRole("alert").filter({ hasText: "The search failed" });
  await expect(alert).toBeVisible();
  await expect(page.getByText(/No customer (or card )?matches/)).toHaveCount(0);
  await expect(page.getByRole("listbox")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.unroute("**/teller", cut);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("listbox", { name: "Customers" }).getByRole("option").first()).toContainText("Schmidt");
  await expect(alert).toHaveCount(0);
  await expect(box).toHaveAttribute("aria-busy", "false");
});

test("a search says when more customers match than it shows, and how to narrow it down", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  const box = page.getByRole("combobox", { name: "Find a customer" });
  // (The same words are also in the screen reader's live summary, which is not shown.)
  const more = page.getByTestId("search-more");
  // Every demo family name is held by several customers, and near names match too.
  await box.fill("Schmidt");
  await expect(page.getByRole("listbox", { name: "Customers" }).getByRole("option")).toHaveCount(8);
  await expect(more).toHaveText(/^More customers match: add a given name, a date of birth or a number/);
  await expect(box).toHaveAttribute("aria-busy", "false");
  expect(await seriousViolations(page)).toEqual([]);
  // One customer by number: nothing more to say.
  await box.fill("C00000042");
  await expect(page.getByRole("listbox", { name: "Customers" }).getByRole("option")).toHaveCount(1);
  await expect(more).toHaveCount(0);
});

test("the picker marks the station that just jammed, live, and the retry list says so", async ({
  page,
  context,
  browser,
  playwright,
  baseURL,
}) => {
  // A station of its own, so that the jam cannot hit another journey's card.
  const suffix = Date.now().toString(36).toUpperCase();
  const persoStation = `BR001-PS-F${suffix}`;
  const label = `Find test printer ${suffix}`;
  await sim("POST", "/stations", { persoStation, branchCode: "BR001" });
  const manager = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  await registerWorkingStation(manager, { persoStation, label, location: "Test desk" });
  await manager.dispose();
  await sim("POST", `/stations/${persoStation}/faults`, { kind: "jam", count: 1 });

  // A second teller screen stays open on a customer page while the card jams.
  const other = await context.newPage();
  const watching = new CounterPage(other);
  await watching.goto();
  await watching.openCustomer("C00000052");
  const picker = other.getByLabel("Personalization station");
  await expect(picker.locator("option", { hasText: label })).toContainText("free");

  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000053");
  await counter.issue({ station: label });
  await expect(page.getByTestId("failure")).toContainText("The station could not produce the card", {
    timeout: 20_000,
  });

  // The retry list offers it last, says it failed and why.
  const retry = page.getByLabel("Retry on station");
  // (The failure reached this page live; the health follows it a moment later.)
  const last = retry.locator("option").last();
  await expect(last).toContainText(label);
  await expect(last).toContainText(/\(where the card failed\) · likely unavailable: jammed at \d{2}:\d{2}/);
  expect(await seriousViolations(page)).toEqual([]);

  // The open picker updated without a reload: the station is marked and no longer first.
  const jammed = picker.locator("option", { hasText: label });
  await expect(jammed).toContainText(/likely unavailable: jammed at \d{2}:\d{2}/);
  const pickerOptions = await picker.locator("option").allTextContents();
  expect(pickerOptions.findIndex((o) => o.includes(label))).toBeGreaterThan(0);
  await picker.selectOption({ label: (await jammed.textContent())! });
  await expect(other.getByTestId("station-status")).toContainText("Likely unavailable: jammed at");
  expect(await seriousViolations(other)).toEqual([]);
  await other.close();

  // The manager's stations page says it in words, and the manager can mark the problem solved.
  const managerContext = await browser.newContext({ storageState: storageState("manager") });
  const stationsPage = await managerContext.newPage();
  await stationsPage.goto("/manager/stations");
  const row = stationsPage.getByTestId(`station-${persoStation}`);
  await expect(row).toContainText(/Likely unavailable: jammed at \d{2}:\d{2}/);
  await expect(row).toContainText("1 × jammed");
  await expect(row).not.toContainText("SIM_");
  expect(await seriousViolations(stationsPage)).toEqual([]);
  await row.getByRole("button", { name: "Problem solved" }).click();
  await expect(row.getByTestId("station-unavailable")).toHaveCount(0);
  await expect(row).toContainText("Ready");
  await managerContext.close();
});

test.describe("in a browser in New York", () => {
  test.use({ timezoneId: "America/New_York", locale: "en-US" });

  test("a card is found by its last four digits, and its times agree everywhere in the branch's zone", async ({
    page,
  }) => {
    const hydrationErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /hydrat|#418|did not match/i.test(m.text())) hydrationErrors.push(m.text());
    });
    page.on("pageerror", (e) => {
      if (/hydrat|#418/i.test(e.message)) hydrationErrors.push(e.message);
    });
    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000066");
    await counter.issue({ station: "Counter printer 2" });
    await counter.expectDone();
    const jobUrl = page.url();
    const last4 = /•••• (\d{4})/.exec((await page.getByTestId("hand-over").textContent()) ?? "")![1]!;

    // The job page, loaded fresh: its timeline is rendered on the server and hydrated in New York.
    await page.reload();
    const submitted = page.getByRole("list", { name: "Production steps" }).locator("time").first();
    const createdIso = (await submitted.getAttribute("datetime"))!;
    await expect(submitted).toHaveText(berlin(createdIso).seconds);

    // Found again by the last four digits, with the customer's name; it opens the request.
    await counter.goto();
    const box = page.getByRole("combobox", { name: "Find a customer" });
    await box.fill(last4);
    const hit = page
      .getByRole("option")
      .filter({ hasText: "Card request:" })
      .filter({ hasText: `•••• ${last4}` });
    await expect(hit.first()).toContainText("Matched by the card's last four digits");
    await hit.first().click();
    await expect(page).toHaveURL(jobUrl);

    // The Counter's row of today and the customer page show the same instant in Berlin time.
    await counter.goto();
    const row = page.getByTestId("work-row").filter({ has: page.locator(`a[href="${new URL(jobUrl).pathname}"]`) });
    await expect(row.locator("time")).toHaveText(berlin(createdIso).time);
    await expect(row).toContainText(`•••• ${last4}`);
    // In the job page's words (lib/issuance/outcome.ts), not a list's own.
    await expect(row.getByRole("cell").last()).toContainText("Card produced");
    await row.getByRole("link").click();
    await expect(page).toHaveURL(jobUrl);
    await page.goto(jobUrl);
    await page.getByRole("heading", { level: 1 }).getByRole("link").click();
    const history = page.locator(`a[href="${new URL(jobUrl).pathname}"]`);
    await expect(history.locator("time")).toHaveText(berlin(createdIso).dateTime);
    expect(hydrationErrors).toEqual([]);
  });
});

test("the Counter shows one D1 outage banner while D1 answers 500, and drops it when D1 answers again", async ({
  page,
}) => {
  await sim("POST", "/faults/orders", { mode: "http500", probability: 1 });
  try {
    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000076");
    await counter.issue({ station: "Counter printer 2" });
    await expect(page.getByTestId("progress")).toContainText("D1 is not reachable", { timeout: 20_000 });
    await counter.goto();
    const banner = page.getByTestId("d1-outage");
    await expect(banner).toHaveCount(1);
    await expect(banner).toContainText(/D1 is unreachable since \d{2}:\d{2} \(/);
    await expect(banner).toContainText(/kept and sent again automatically; next attempt (in ~\d+ s|any moment now)/);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await sim("DELETE", "/faults/orders");
  }
  // The next try goes through: the banner goes away by itself.
  await expect(page.getByTestId("d1-outage")).toHaveCount(0, { timeout: 60_000 });
});
