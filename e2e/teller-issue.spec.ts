import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { productionsFor, sim } from "./support/simulator";
import { storageState } from "./support/users";

test.use({ storageState: storageState("teller") });

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

test("search → issue → statuses arrive live → hand the card over", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  expect(await seriousViolations(page)).toEqual([]);
  await counter.openCustomer("C00000017");
  expect(await seriousViolations(page)).toEqual([]);
  await counter.issue({ product: "Classic Debit", station: "Counter printer 2" });
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await counter.expectDone();
  await expect(page.getByRole("list", { name: "Production steps" }).getByText("(done)")).toHaveCount(4);
  // The last announcement names the card's last four digits (they may arrive after the state).
  await expect(page.getByTestId("announcer")).toHaveText(
    /^Card produced\. Hand the card ending in \d{4} to the customer\.$/,
  );
  expect(await seriousViolations(page)).toEqual([]);
  expect(await productionsFor(await counter.reference())).toBe(1);
});

test("finds a customer by a misspelt name, by keyboard alone", async ({ page }) => {
  await new CounterPage(page).goto();
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.fill("jonathon");
  const first = page.getByRole("listbox", { name: "Customers" }).getByRole("option").first();
  await expect(first).toContainText(/Jonathan/);
  await expect(first).toContainText("Matched by name");
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Jonathan");
});

test("a station jam shows the exception; a retry on another station produces the card", async ({ page }) => {
  const counter = new CounterPage(page);
  await sim("POST", "/stations/BR001-PS-03/faults", { kind: "jam", count: 1 });
  await counter.goto();
  await counter.openCustomer("C00000023");
  await counter.issue({ station: "Back office printer" });
  await expect(page.getByTestId("failure")).toContainText("The station could not produce the card", {
    timeout: 20_000,
  });
  await expect(page.getByTestId("failure")).toContainText("D1 reported: “jam”");
  await expect(counter.jobState()).toContainText("Production problem at the station");
  const failedUrl = page.url();
  // Options carry the station's live health after its name.
  await counter.chooseRetryStation("Counter printer 1");
  await page.getByRole("button", { name: "Retry the card" }).click();
  await expect(page).not.toHaveURL(failedUrl);
  await counter.expectDone();
  // Each request says what it is (T9): the new one a retry, the old one issued again, no red alert.
  await expect(page.getByTestId("retry-of")).toContainText("Retry of");
  await page.goto(failedUrl);
  await expect(page.getByRole("link", { name: "open the new request" })).toBeVisible();
  await expect(page.getByTestId("retried")).toContainText("Issued again on Counter printer 1");
  await expect(counter.jobState()).toHaveText(/Retried/);
  await expect(page.getByTestId("failure")).toHaveCount(0);
});

test("a double click on Issue card gives one job and one production", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000031");
  const customerId = page.url().split("/").pop();
  // Other tests issue cards at the same time: count this customer's requests only.
  const myJobs = async () =>
    (
      (await (await page.request.get("/api/teller/jobs?scope=mine")).json()) as { jobs: Array<{ customerId: string }> }
    ).jobs.filter((j) => j.customerId === customerId).length;
  const jobsBefore = await myJobs();
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Issue card" }).dblclick();
  await expect(page).toHaveURL(/\/teller\/jobs\//);
  await counter.expectDone();
  expect(await myJobs()).toBe(jobsBefore + 1);
  expect(await productionsFor(await counter.reference())).toBe(1);
});

test("a German name is suggested as on passports, and a letter the card cannot print gets its spelling", async ({
  page,
}) => {
  const counter = new CounterPage(page);
  await counter.goto();
  // Giulia Krüger; the demo products write names by ICAO 9303 (Müller → MUELLER, Krüger → KRUEGER).
  await counter.openCustomer("C00000089");
  const name = page.getByLabel("Name on the card");
  await expect(name).toHaveValue("GIULIA KRUEGER");
  await expect(page.locator("#nameOnCard-hint")).toContainText("as on passports, ICAO 9303");
  await name.fill("GIULIA KRÜGER");
  await expect(page.locator("#nameOnCard-error")).toContainText("This card cannot print “Ü” (write “UE”).");
  await expect(page.getByRole("button", { name: "Review" })).toBeDisabled();
  await page.getByRole("button", { name: "GIULIA KRUEGER" }).click();
  await expect(name).toHaveValue("GIULIA KRUEGER");
  await expect(page.getByRole("button", { name: "Review" })).toBeEnabled();
});

test("the name on the card is checked against the product's rules", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000005");
  await page.getByLabel("Name on the card").fill("A VERY LONG NAME THAT DOES NOT FIT");
  await expect(page.locator("#nameOnCard-error")).toContainText("Shorten the name to 26 characters or fewer");
  await expect(page.getByRole("button", { name: "Review" })).toBeDisabled();
});
