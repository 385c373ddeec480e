// Replacement that replaces: a customer without a card gets "New card" only; a debit card asks for
// the account (which reaches the card system); replacing a lost card blocks it at the bank's
// card system (the stub of e2e/serve.ts) before the new card is ordered; the same product twice in
// a day needs a confirmation; a product the customer may not have is explained, not offered.
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { ageOn, dateIn } from "../lib/issuance/eligibility";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { cardSystemCard } from "./support/card-system";
import { readRunInfo } from "./support/run-dir";
import { storageState } from "./support/users";

test.use({ storageState: storageState("teller") });

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

type JobRow = {
  id: string;
  card_id: string;
  blocked_at: Date | null;
  created_at: Date;
  replaces_job_id: string | null;
};

async function jobRows(ids: string[]): Promise<Map<string, JobRow>> {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<JobRow>(
      "select id, card_id, blocked_at, created_at, replaces_job_id from issuance_jobs where id = any($1::uuid[])",
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  } finally {
    await client.end();
  }
}

const jobIdOf = (url: string) => /\/teller\/jobs\/([0-9a-f-]{36})$/.exec(url)?.[1] ?? "";

test("replacing a lost card blocks it at the card system before the new card is ordered", async ({ page }) => {
  test.setTimeout(90_000);
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000011");
  const customerUrl = page.url();

  // No card yet: "New card" only.
  await expect(page.getByText("This customer has no card yet, so only a new card can be issued.")).toBeVisible();
  await expect(page.getByRole("radio", { name: /Replacement|Renewal/ })).toHaveCount(0);

  // A debit card asks which account it is for.
  await page.getByRole("radio", { name: "Classic Debit" }).check();
  const account = page.getByLabel("Account the card is for");
  await expect(account).toBeVisible();
  const accountNumber = ((await account.locator("option:checked").textContent()) ?? "").split(" · ")[0]!;
  expect(accountNumber).toMatch(/^\d{10}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await counter.issue({ product: "Classic Debit" });
  await counter.expectDone();
  const oldJobId = jobIdOf(page.url());

  // The card is listed on the customer page with its status.
  await page.goto(customerUrl);
  const cards = page.getByRole("table", { name: "The customer's cards" });
  const oldRow = cards.getByRole("row", { name: /Classic Debit •••• \d{4}/ });
  await expect(oldRow).toContainText("Inactive");
  const last4 = /•••• (\d{4})/.exec((await oldRow.textContent()) ?? "")?.[1] ?? "";
  const oldName = `Classic Debit •••• ${last4}`;

  // Replacement: which card, why, and what will happen to it.
  await page.getByRole("radio", { name: /Replacement/ }).check();
  await expect(page.getByRole("radio", { name: new RegExp(`^${oldName} · Inactive`) })).toBeChecked();
  await page.getByRole("radio", { name: "Lost", exact: true }).check();
  await expect(
    page.getByText(`${oldName} will be blocked at the bank's card system before the new card is ordered.`),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Review" }).click();
  const review = page.getByRole("region", { name: "Check before issuing" });
  await expect(review).toContainText(
    `It replaces ${oldName} (lost), which will be blocked before the new card is ordered.`,
  );
  await page.getByRole("button", { name: "Issue card" }).click();

  // The same product within a day: the server asks for a confirmation, and nothing happened yet.
  await expect(review.getByText(/^Classic Debit was already requested for this customer at \d\d:\d\d/)).toBeVisible();
  expect(page.url()).toBe(customerUrl);
  const before = await jobRows([oldJobId]);
  expect(before.get(oldJobId)?.blocked_at).toBeNull();
  expect((await cardSystemCard(before.get(oldJobId)!.card_id))?.state).toBe("issued");
  expect(await seriousViolations(page)).toEqual([]);
  await review.getByRole("checkbox", { name: "Yes, issue another Classic Debit" }).check();
  await page.getByRole("button", { name: "Issue card" }).click();
  await expect(page).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
  const newJobId = jobIdOf(page.url());
  await counter.expectDone();

  // The card system blocked the old card (lost) before it allocated the new one's data.
  const rows = await jobRows([oldJobId, newJobId]);
  const oldJob = rows.get(oldJobId)!;
  const newJob = rows.get(newJobId)!;
  expect(newJob.replaces_job_id).toBe(oldJobId);
  expect(oldJob.blocked_at!.getTime()).toBeLessThanOrEqual(newJob.created_at.getTime());
  const oldCard = await cardSystemCard(oldJob.card_id);
  const newCard = await cardSystemCard(newJob.card_id);
  expect(oldCard).toMatchObject({ state: "blocked", blockReason: "lost", accountNumber });
  expect(Date.parse(oldCard!.blockedAt!)).toBeLessThanOrEqual(Date.parse(newCard!.allocatedAt));
  expect(newCard).toMatchObject({ state: "issued", accountNumber });

  // The customer page says so.
  await page.goto(customerUrl);
  await expect(cards.getByRole("row", { name: new RegExp(oldName) })).toContainText("Blocked · replacement under way");
  await expect(cards.getByRole("row")).toHaveCount(3);
});

test("a product the customer may not have is explained, and earlier cards show their status", async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000012");
  // Born 10 January 1977 (db/seed.ts); the age is taken on today's date in Berlin.
  const age = ageOn("1977-01-10", dateIn("Europe/Berlin"));
  await expect(page.getByRole("radio", { name: "Youth Prepaid" })).toHaveCount(0);
  await expect(page.getByText(`Youth Prepaid: for customers up to 25; this customer is ${age}.`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Seeded cards (db/seed-data.ts): one past its validity, and replacement offered for them.
  await counter.goto();
  await counter.openCustomer("C00000004");
  const cards = page.getByRole("table", { name: "The customer's cards" });
  await expect(cards.getByRole("row", { name: /Classic Debit •••• 5547/ })).toContainText("Expired");
  await page.getByRole("radio", { name: /Renewal/ }).check();
  await expect(page.getByRole("radio", { name: /^Classic Debit •••• 5547 · Expired/ })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  // Replacing a card preselects the same product (C00000003's newest card is a Gold Credit).
  await counter.goto();
  await counter.openCustomer("C00000003");
  await expect(page.getByRole("radio", { name: "Classic Debit", exact: true })).toBeChecked();
  await page.getByRole("radio", { name: /Replacement/ }).check();
  await expect(page.getByRole("radio", { name: /^Gold Credit •••• 7305 · Active/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Gold Credit", exact: true })).toBeChecked();
  await page.getByRole("radio", { name: /^Classic Debit •••• 1196/ }).check();
  await expect(page.getByRole("radio", { name: "Classic Debit", exact: true })).toBeChecked();
});
