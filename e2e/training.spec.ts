// Training mode, the issue's "done when": an admin puts a new teller in training and injects a jam
// from /admin/training; the teller sees the Training banner, issues a card, sees the jam and
// recovers with a retry; the real D1 got nothing, and the real manager's board and the audit log
// show nothing of it. Then the same screens in German, with axe. A user and a customer of its own.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { LoginPage } from "./pages/login-page";
import { productionsFor } from "./support/simulator";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

// This journey's own customer (a private customer, default product, no account needed).
const CUSTOMER = "C00000161";

async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

test("a teller in training issues a card with a drilled jam, recovers, and nothing of it is real", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const email = `e2e-trainee-${suffix}@riverside.demo`;
  const name = `Tom Trainee ${suffix}`;

  // The admin creates the teller and puts them in training.
  await page.goto("/admin/users");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("teller");
  await page.getByLabel(/^Branch/).selectOption({ label: "Riverside (BR002)" });
  await page.getByRole("button", { name: "Create user" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!;

  await page.goto("/admin/training");
  await expect(page.getByRole("heading", { level: 1, name: "Training mode" })).toBeVisible();
  await expect(page).toHaveTitle(/^Training mode/);
  await page.getByLabel("User", { exact: true }).selectOption({ label: `${name} (${email})` });
  await page.getByRole("button", { name: "Put user in training" }).click();
  await expect(page.getByText("Saved. It applies from the person's next step.")).toBeVisible();
  await page.reload();
  const people = page.getByRole("table", { name: "Users" });
  await expect(people).toContainText(email);

  // A jam for the next training card at any station.
  await page.getByLabel("Station", { exact: true }).selectOption({ label: "Every station" });
  await page.getByLabel("Fault", { exact: true }).selectOption({ label: "Card jam at the station" });
  await page.getByLabel("How many cards").fill("1");
  await page.getByRole("button", { name: "Inject drill" }).click();
  await expect(page.getByText("Drill injected.", { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("active-drills")).toContainText(
    "Card jam at the station · Every station · 1 more card",
  );
  expect(await axeFindings(page)).toEqual([]);

  // The teller signs in (their own browser), sees the banner on every screen and issues a card.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-GB" });
  const teller = await context.newPage();
  const login = new LoginPage(teller);
  await login.goto();
  await login.signIn(email, temporary);
  const password = `a long passphrase ${suffix}`;
  await teller.getByLabel("Current password").fill(temporary);
  await teller.getByLabel(/^New password \(/).fill(password);
  await teller.getByLabel("New password again").fill(password);
  await teller.getByRole("button", { name: "Change password" }).click();
  await expect(teller).toHaveURL(/\/teller$/);
  const banner = teller.getByRole("status").filter({ hasText: "Training — cards are not produced" });
  await expect(banner).toHaveText("Training — cards are not produced and nothing here is real work");

  const counter = new CounterPage(teller);
  await counter.goto();
  await counter.openCustomer(CUSTOMER);
  await expect(banner).toBeVisible();
  const nameOnCard = await teller.getByLabel("Name on the card").inputValue();
  await counter.issue();
  const jobId = /\/teller\/jobs\/([0-9a-f-]{36})$/.exec(teller.url())![1]!;
  await expect(banner).toBeVisible();
  await expect(teller.getByTestId("failure")).toContainText("The station could not produce the card", {
    timeout: 30_000,
  });
  await expect(teller.getByTestId("failure")).toContainText("D1 reported: “jam”");
  const reference = await counter.reference();

  // The drill was used up: the trainer's page says no drill is active.
  await page.reload();
  await expect(page.getByText("No drill is active: training cards are produced normally.")).toBeVisible();

  // Recovery as the page offers it: retry on the same station, the problem solved.
  await counter.chooseRetryStation("(where the card failed)");
  await teller.getByLabel("The problem at this station is solved: retry on it").check();
  await teller.getByRole("button", { name: "Retry the card" }).click();
  await counter.expectDone();
  await expect(banner).toBeVisible();

  // Never the bank's D1: its simulator never saw the request.
  expect(reference).toMatch(/^req-/);
  expect(await productionsFor(reference)).toBe(0);

  // The real manager of the branch sees nothing of it on the board.
  const managerContext = await browser.newContext({ storageState: storageState("managerRiverside") });
  const manager = await managerContext.newPage();
  await manager.goto("/manager");
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(manager.getByTestId("training-banner")).toHaveCount(0);
  await expect(manager.locator("main")).not.toContainText(nameOnCard);
  await expect(manager.locator(`a[href*="${jobId}"]`)).toHaveCount(0);
  // Nor can they open it.
  expect((await manager.request.get(`/api/jobs/${jobId}`)).status()).toBe(404);

  // The audit log names the switch into training, and nothing of the trainee's card work.
  const trainee = await page.request.get(`${baseURL}/api/admin/audit/export?actor=${encodeURIComponent(email)}`);
  expect(trainee.status()).toBe(200);
  expect(await trainee.text()).not.toMatch(/job\.|Card requested|Card handed/);
  const switched = await page.request.get(`${baseURL}/api/admin/audit/export?action=user.training_on`);
  expect(await switched.text()).toContain(email);

  // In German: the banner and the training page.
  await context.addCookies([{ name: "bii_lang", value: "de", url: baseURL! }]);
  await teller.goto("/teller");
  await expect(teller.locator("html")).toHaveAttribute("lang", "de");
  await expect(teller.getByTestId("training-banner")).toHaveText(
    "Schulung — es werden keine Karten produziert, und nichts hier ist echte Arbeit",
  );
  expect(await axeFindings(teller)).toEqual([]);

  const adminDe = await browser.newContext({ storageState: storageState("admin") });
  await adminDe.addCookies([{ name: "bii_lang", value: "de", url: baseURL! }]);
  const german = await adminDe.newPage();
  await german.goto("/admin/training");
  await expect(german.getByRole("heading", { level: 1, name: "Schulungsmodus" })).toBeVisible();
  await expect(german).toHaveTitle(/^Schulungsmodus/);
  await expect(german.getByRole("heading", { name: "Wer ist in Schulung" })).toBeVisible();
  await expect(german.getByRole("heading", { name: "Übungen", exact: true })).toBeVisible();
  await expect(german.getByRole("heading", { name: "Schulungsdaten löschen" })).toBeVisible();
  await expect(german.getByLabel("Störung", { exact: true })).toContainText("Kartenstau an der Station");
  await expect(german.getByRole("button", { name: "Übung starten" })).toBeVisible();
  expect(await axeFindings(german)).toEqual([]);

  // Take the teller out of training again (the page's switch), so the user is an ordinary one.
  await page.getByRole("button", { name: `Take ${name} out of training` }).click();
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0, { timeout: 10_000 });

  // The user's own page has the same switch, as a checkbox.
  await page.goto("/admin/users");
  await page.getByRole("link", { name }).click();
  const checkbox = page.getByRole("checkbox", { name: /^In training/ });
  await expect(checkbox).not.toBeChecked();
  await checkbox.check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. It applies from the person's next step.")).toBeVisible();
  await page.goto("/admin/training");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.getByRole("button", { name: `Take ${name} out of training` }).click();
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0, { timeout: 10_000 });

  await adminDe.close();
  await managerContext.close();
  await context.close();
});
