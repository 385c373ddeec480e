// Maker-checker in the browser: an admin marks a product as needing approval; a teller's request
// for it waits (the review step says so beforehand, the job page says why, nothing is sent); the
// branch manager finds it on the board, approves it with a reason, and the teller's page shows the
// approval and then the produced card, live. A rejected request says why. Axe clean throughout.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AdminProductsPage } from "./pages/admin-products-page";
import { CounterPage } from "./pages/counter-page";
import { storageState, type Persona } from "./support/users";

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function pageAs(browser: Browser, who: Persona) {
  const context = await browser.newContext({ storageState: storageState(who) });
  return { context, page: await context.newPage() };
}

/** The teller issues `product` to `customer`; returns the job page's id once it waits for approval. */
async function issueAwaiting(page: Page, customer: string, product: string): Promise<string> {
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer(customer);
  await page.getByRole("radio", { name: product, exact: true }).check();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByTestId("needs-approval")).toContainText(
    "Needs a manager's approval: this card product needs a manager's approval.",
  );
  await page.getByRole("button", { name: "Issue card" }).click();
  await expect(page).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("awaiting")).toHaveText(
    "Waiting for a manager's approval: this card product needs a manager's approval. Nothing is sent to D1 before it is approved.",
  );
  await expect(page.getByTestId("job-state")).toContainText("Awaiting approval");
  return page.url().split("/").pop()!;
}

test("a request for a product that needs approval waits, is approved by the manager and printed; another is rejected with its reason", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36).toUpperCase();
  const product = { name: `E2E Approval ${stamp}`, d1CardProductId: `E2E_APPROVAL_${stamp}` };

  const admin = await pageAs(browser, "admin");
  await new AdminProductsPage(admin.page).createProduct({
    ...product,
    branches: ["Downtown (BR001)"],
    needsApproval: true,
  });
  // The bank-wide rules have their own page (left as they are: other journeys issue meanwhile).
  await admin.page.goto("/admin/approvals");
  await expect(admin.page.getByRole("heading", { level: 1, name: "Approval rules" })).toBeVisible();
  await expect(admin.page.getByLabel("A second replacement within (days)")).toHaveValue("");
  await noSeriousViolations(admin.page);

  const teller = await pageAs(browser, "teller");
  const jobId = await issueAwaiting(teller.page, "C00000141", product.name);
  await expect(teller.page.getByRole("button", { name: "Move the request" })).toHaveCount(0);
  await expect(teller.page.getByRole("button", { name: "Cancel the request" })).toBeVisible();
  await noSeriousViolations(teller.page);

  // The manager's board lists it with who asked and why; its page takes the decision.
  const manager = await pageAs(browser, "manager");
  await manager.page.goto("/manager");
  const row = manager.page.getByTestId(`approval-${jobId}`);
  await expect(row).toContainText("Tara Teller");
  await expect(row).toContainText(product.name);
  await expect(row).toContainText("this card product needs a manager's approval");
  await expect(manager.page.getByRole("link", { name: /^Approvals \(\d+\)$/ })).toBeVisible();
  await noSeriousViolations(manager.page);
  await row.getByRole("link", { name: /Review the request/ }).click();
  await expect(manager.page).toHaveURL(new RegExp(`/manager/approvals/${jobId}$`));
  await expect(manager.page.getByTestId("approval-state")).toHaveText("Awaiting approval");
  await manager.page.waitForLoadState("networkidle");
  // A reason is required.
  await manager.page.getByRole("button", { name: "Approve and send" }).click();
  await expect(manager.page.locator("#decision-note-error")).toContainText("Give the reason for your decision");
  await noSeriousViolations(manager.page);
  await manager.page.getByLabel("Reason for your decision").fill("Premium customer, ID checked by me");
  await manager.page.getByRole("button", { name: "Approve and send" }).click();
  await expect(manager.page.getByTestId("decision-result")).toContainText("Approved by Max Manager.");

  // The teller's open page follows: approved, by whom and why, then produced by the simulator.
  await expect(teller.page.getByTestId("approved")).toContainText("Approved by Max Manager", { timeout: 15_000 });
  await expect(teller.page.getByTestId("approved")).toContainText("“Premium customer, ID checked by me”");
  await new CounterPage(teller.page).expectDone();
  await expect(teller.page.getByRole("list", { name: "Production steps" })).toContainText("Approved by a manager");
  await noSeriousViolations(teller.page);

  // A second request is rejected: final, with the manager's reason on the teller's page.
  const rejectedId = await issueAwaiting(teller.page, "C00000143", product.name);
  await manager.page.goto(`/manager/approvals/${rejectedId}`);
  await manager.page.waitForLoadState("networkidle");
  await manager.page.getByLabel("Reason for your decision").fill("The customer could not show an ID");
  await manager.page.getByRole("button", { name: "Reject" }).click();
  await expect(manager.page.getByTestId("decision-result")).toContainText("Rejected by Max Manager.");
  await expect(teller.page.getByTestId("rejected")).toHaveText(
    "A manager did not approve this request: “The customer could not show an ID”. No card was produced.",
    { timeout: 15_000 },
  );
  await expect(teller.page.getByTestId("job-state")).toContainText("Not approved");
  await expect(teller.page.getByRole("button", { name: "Cancel the request" })).toHaveCount(0);
  await noSeriousViolations(teller.page);
  await manager.page.goto("/manager/approvals");
  await expect(manager.page.getByTestId(`approval-${rejectedId}`)).toHaveCount(0);

  // Out of Downtown's tellers' choice again, for the journeys that follow.
  await new AdminProductsPage(admin.page).retire(product.name, product.d1CardProductId);
  for (const c of [admin, teller, manager]) await c.context.close();
});
