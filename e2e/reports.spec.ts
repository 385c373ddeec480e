// A manager's reports and board: a teller's produced card is counted by teller and downloads as
// CSV; a jam reads in words (the code available) among the exceptions that still need action;
// board rows open the request; the pages have no serious accessibility violations.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { callAction, serverActions } from "./support/server-actions";
import { NARROW_SCREENS, expectNoSidewaysPageScroll } from "./support/layout";
import { sim } from "./support/simulator";
import { loadStation } from "./support/stock";
import { persona, storageState } from "./support/users";

test.use({ storageState: storageState("manager") });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

test("a manager reads who issued what, downloads it, and finds a jam in words among the exceptions", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  // Two cards through the simulator, then three pages.
  test.setTimeout(90_000);
  // A station of its own for the jam, so that it cannot hit another journey's card.
  const suffix = Date.now().toString(36).toUpperCase();
  const persoStation = `BR001-PS-R${suffix}`;
  const label = `Reports test printer ${suffix}`;
  await sim("POST", "/stations", { persoStation, branchCode: "BR001" });
  const manager = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  const register = serverActions().find((a) => a.name === "registerStationAction")!;
  expect((await callAction(manager, register, [{ persoStation, label, location: "Test desk" }])).body).toContain(
    '"ok":true',
  );
  await loadStation(manager, persoStation);
  await manager.dispose();
  await sim("POST", `/stations/${persoStation}/faults`, { kind: "jam", count: 1 });

  // The teller produces one card and sends one to the jamming station (customers no other journey uses).
  const tellerContext = await browser.newContext({ storageState: storageState("teller") });
  const counter = new CounterPage(await tellerContext.newPage());
  await counter.goto();
  await counter.openCustomer("C00000131");
  await counter.issue({ name: "REPORTS PRODUCED" });
  await counter.expectDone();
  await counter.goto();
  await counter.openCustomer("C00000133");
  await counter.issue({ name: "REPORTS JAMMED", station: label });
  const jammedRef = await counter.reference();
  await tellerContext.close();

  // The reports: the teller's row counts the card (other journeys may add more today).
  await page.goto("/manager/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  const byTeller = page.getByRole("table", { name: "Cards issued by teller" });
  const tellerName = persona("teller").name;
  const tellerRow = byTeller.getByRole("row", { name: new RegExp(tellerName) });
  await expect(tellerRow).toBeVisible();
  const total = Number(await tellerRow.getByRole("cell").last().textContent());
  expect(total).toBeGreaterThanOrEqual(1);

  // The jam still needs action: in words, its code in a tooltip and in text for screen readers.
  const needsAction = page.getByRole("region", { name: /Exceptions that still need action/ });
  let jamRow = needsAction.getByRole("row").filter({ hasText: jammedRef });
  // The failure may land a moment after the request was sent: reload until it is there.
  await expect(async () => {
    await page.reload();
    await expect(jamRow).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  jamRow = needsAction.getByRole("row").filter({ hasText: jammedRef });
  const words = jamRow.locator("[data-codes]");
  await expect(words).toContainText("Jammed");
  await expect(words).toHaveAttribute("title", /^Code: \S+/);
  await expect(jamRow.getByRole("link", { name: new RegExp(jammedRef) })).toHaveAttribute(
    "href",
    /^\/teller\/jobs\/[0-9a-f-]{36}$/,
  );
  expect(await seriousViolations(page)).toEqual([]);

  // The CSV has the same count for the teller.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV: cards issued by teller" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^report-teller-BR001-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe('"day","first_day","teller","cards"');
  const counted = lines
    .filter((l) => l.includes(`"${tellerName}"`))
    .reduce((n, l) => n + Number(/"(\d+)"$/.exec(l)?.[1] ?? 0), 0);
  // At least what the page showed (another journey may have finished a card in between).
  expect(counted).toBeGreaterThanOrEqual(total);

  // The board: the jam in words, the code available; the produced card's row opens the request.
  await page.goto("/manager");
  const boardJam = page.getByRole("row").filter({ hasText: "REPORTS JAMMED" });
  await expect(boardJam.locator("[data-codes]")).toContainText("Jammed");
  await expect(boardJam.locator("[data-codes]")).toHaveAttribute("title", /^Code: /);
  expect(await seriousViolations(page)).toEqual([]);
  await page
    .getByRole("link", { name: /REPORTS PRODUCED/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("hand-over")).toContainText("Hand the card over");
});

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("compares every branch and reads one branch's report, without links to the teller's pages", async ({ page }) => {
    await page.goto("/manager/reports");
    const all = page.getByRole("region", { name: "All branches" });
    await expect(all.getByRole("table", { name: "All branches over the chosen days" })).toBeVisible();
    await expect(all.getByRole("row", { name: /Downtown \(BR001\)/ })).toBeVisible();
    await expect(all.getByRole("row", { name: /Riverside \(BR002\)/ })).toBeVisible();
    await all.getByRole("link", { name: "Riverside (BR002)" }).click();
    await expect(page.getByText(/Riverside \(BR002\) ·/)).toBeVisible();
    await expect(page.getByRole("link", { name: /open the request/ })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Wide tables scroll in their own box; the page never scrolls sideways.
    for (const size of NARROW_SCREENS) {
      await page.setViewportSize(size);
      await page.goto("/manager/reports?grain=day&from=2026-11-01&to=2026-11-30");
      await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
      await expectNoSidewaysPageScroll(page);
    }
  });
});

test.describe("in a browser in New York", () => {
  test.use({ timezoneId: "America/New_York", locale: "en-US" });

  test("the board shows its times in the branch's zone, as its heading says", async ({ page }) => {
    const hydrationErrors: string[] = [];
    page.on("pageerror", (e) => {
      if (/hydrat|#418/i.test(e.message)) hydrationErrors.push(e.message);
    });
    await page.goto("/manager");
    await expect(page.getByText("times in Europe/Berlin")).toBeVisible();
    const table = page.getByRole("table", { name: /Latest card requests of the branch/ });
    const first = table.locator("tbody time").first();
    const iso = (await first.getAttribute("datetime"))!;
    // Computed apart from the app: the instant in Berlin, 24-hour.
    const berlin = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(iso));
    await expect(first).toHaveText(berlin);
    expect(hydrationErrors).toEqual([]);
  });
});
