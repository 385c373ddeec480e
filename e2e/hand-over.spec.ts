// The end of the counter's flow: a produced card is handed over with the identity document
// checked, the card system activates it, the customer's receipt downloads, and "Next customer"
// lands in an empty, focused search. Then the manager's board lists a card left overnight.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import pg from "pg";
import { pdfText } from "../test-support/pdf-text";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { readRunInfo } from "./support/run-dir";
import { storageState } from "./support/users";

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

const jobIdOf = (page: Page) => page.url().split("/").pop() ?? "";

test.describe("as a teller", () => {
  test.use({ storageState: storageState("teller") });

  test("issue → hand over with the ID checked → card active → receipt → next customer", async ({ page }) => {
    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000107");
    await counter.issue({ product: "Classic Debit" });
    await counter.expectDone();
    const last4 = /•••• (\d{4})/.exec((await page.getByTestId("hand-over").textContent()) ?? "")?.[1] ?? "";
    expect(await seriousViolations(page)).toEqual([]);

    // A document number is never taken whole; the error sits next to the field, values kept.
    await page.getByLabel("Identity document checked").selectOption({ label: "Passport" });
    await page.getByLabel("Last characters of its number").fill("7");
    await page.getByRole("button", { name: "Card handed over" }).click();
    await expect(page.getByLabel("Last characters of its number")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter only the last 2 to 4 letters or digits")).toBeVisible();
    await expect(page.getByLabel("Identity document checked")).toHaveValue("passport");

    await page.getByLabel("Last characters of its number").fill("x47");
    await page.getByRole("button", { name: "Card handed over" }).click();
    await expect(page.getByTestId("handed-over")).toHaveText(`Card handed over: Classic Debit •••• ${last4}`);
    await expect(page.getByTestId("handed-over")).toBeFocused();
    await expect(page.getByText("Identity document checked: Passport ending in X47")).toBeVisible();
    await expect(page.getByTestId("activation")).toHaveText("✓ The card is active.");
    await expect(counter.jobState()).toContainText("Handed over");
    await expect(page.getByRole("list", { name: "Production steps" }).getByText("(done)")).toHaveCount(5);
    expect(await seriousViolations(page)).toEqual([]);

    // The simulated card system activated it; the job records it.
    const [job] = await sql<{ state: string; card_status: string; activated_at: Date | null }>(
      "select state, card_status, activated_at from issuance_jobs where id = $1",
      [jobIdOf(page)],
    );
    expect(job).toMatchObject({ state: "handed_over", card_status: "active" });
    expect(job?.activated_at).not.toBeNull();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download receipt" }).click();
    const file = await (await download).path();
    const text = pdfText(readFileSync(file));
    expect(text).toEqual(expect.arrayContaining(["Classic Debit", `•••• ${last4}`, "Passport ending in X47"]));

    await page.getByRole("link", { name: "Next customer" }).click();
    await expect(page).toHaveURL(/\/teller$/);
    const search = page.getByRole("combobox", { name: "Find a customer" });
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: storageState("manager") });

  test("the board lists a card produced yesterday and not handed over", async ({ page, browser }) => {
    // The card is issued by the branch's teller, in a context of their own.
    const teller = await browser.newContext({ storageState: storageState("teller") });
    const tellerPage = await teller.newPage();
    const counter = new CounterPage(tellerPage);
    await counter.goto();
    await counter.openCustomer("C00000109");
    await counter.issue({ product: "Classic Debit" });
    await counter.expectDone();
    const jobId = jobIdOf(tellerPage);
    await teller.close();
    await sql("update issuance_jobs set completed_at = completed_at - interval '1 day' where id = $1", [jobId]);

    await page.goto("/manager");
    const section = page.getByRole("region", { name: "Produced, not handed over" });
    await expect(section.locator(`a[href="/teller/jobs/${jobId}"]`)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
