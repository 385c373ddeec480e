import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { callAction, resultCode, serverActions } from "./support/server-actions";
import { productionsFor } from "./support/simulator";
import { storageState } from "./support/users";

test.use({ storageState: storageState("teller") });

/** Presses Tab until the focused element has this accessible text. */
async function tabTo(page: Page, text: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === text) return;
  }
  throw new Error(`could not reach “${text}” with the Tab key`);
}

test("the whole flow works by keyboard alone", async ({ page }) => {
  await page.goto("/teller");
  await page.keyboard.type("C00000061");
  await expect(page.getByRole("listbox", { name: "Customers" }).getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Issue a card" })).toBeVisible();
  await tabTo(page, "Review");
  await page.keyboard.press("Enter");
  await tabTo(page, "Issue card");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/teller\/jobs\//);
  await new CounterPage(page).expectDone();
});

test("the review box takes focus once when it opens, and later renders leave focus where the teller put it", async ({
  page,
}) => {
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000064");
  const stationId = await page.getByLabel("Personalization station").inputValue();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("region", { name: "Check before issuing" })).toBeFocused();

  // Hold the issue request, then send it for a station that does not exist: the form renders
  // again while pending and again with the answer, after the teller has moved on.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/teller/customers/**", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    await held;
    await route.continue({ postData: route.request().postData()!.replaceAll(stationId, randomUUID()) });
  });
  await page.getByRole("button", { name: "Issue card" }).click();
  const back = page.getByRole("link", { name: "Back to the counter" });
  await back.focus();
  release();
  await expect(page.locator("#stationId-error")).toHaveText("Choose one of your branch's stations.");
  await expect(back).toBeFocused();
});

test.describe("on a tablet kiosk", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

  test("the counter and the issue form fit and stay accessible", async ({ page }) => {
    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000062");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
  });
});

test("replaying the same issue request (reload, back button, retry) returns the same job", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000063");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Review" }) });
  const input = {
    requestKey: await form.locator('input[name="requestKey"]').inputValue(),
    customerId: await form.locator('input[name="customerId"]').inputValue(),
    productId: await form.locator('input[name="productId"]:checked').inputValue(),
    stationId: await page.getByLabel("Personalization station").inputValue(),
    reason: "CREATION",
    nameOnCard: await page.getByLabel("Name on the card").inputValue(),
    // The first card (Classic Debit) is a debit card: it names one of the customer's accounts.
    accountId: await page.getByLabel("Account the card is for").inputValue(),
  };
  const action = serverActions().find((a) => a.name === "issueCardAction")!;
  const first = await callAction(page.request, action, [input]);
  const second = await callAction(page.request, action, [input]);
  expect(resultCode(first.body)).toBeNull();
  const jobOf = (call: { actionRedirect: string | null }) =>
    /\/teller\/jobs\/([0-9a-f-]{36})/.exec(call.actionRedirect ?? "")?.[1];
  expect(jobOf(first)).toBeTruthy();
  expect(jobOf(second)).toBe(jobOf(first));
  await page.goto(`/teller/jobs/${jobOf(first)}`);
  await counter.expectDone();
  expect(await productionsFor(await counter.reference())).toBe(1);
});
