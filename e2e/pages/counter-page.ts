import { expect, type Page } from "@playwright/test";

/** The teller's counter: search, the customer page's issue form, and a job's live page. */
export class CounterPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/teller");
    await expect(this.page.getByRole("heading", { name: "Counter", level: 1 })).toBeVisible();
  }

  async openCustomer(query: string) {
    const box = this.page.getByRole("combobox", { name: "Find a customer" });
    await box.fill(query);
    await expect(this.page.getByRole("listbox", { name: "Customers" }).getByRole("option").first()).toBeVisible();
    await box.press("Enter");
    await expect(this.page.getByRole("heading", { name: "Issue a card" })).toBeVisible();
  }

  async issue(options: { product?: string; station?: RegExp | string; name?: string } = {}) {
    if (options.product) await this.page.getByRole("radio", { name: options.product }).check();
    if (options.name !== undefined) await this.page.getByLabel("Name on the card").fill(options.name);
    if (options.station)
      await this.page
        .getByLabel("Personalization station")
        .selectOption({ label: await this.optionLabel(options.station) });
    await this.page.getByRole("button", { name: "Review" }).click();
    await this.page.getByRole("button", { name: "Issue card" }).click();
    await expect(this.page).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
  }

  private async optionLabel(station: RegExp | string): Promise<string> {
    const labels = await this.page.getByLabel("Personalization station").locator("option").allTextContents();
    const found = labels.find((l) => (typeof station === "string" ? l.includes(station) : station.test(l)));
    if (!found) throw new Error(`no station option matches ${String(station)}`);
    return found;
  }

  async reference(): Promise<string> {
    return (await this.page.getByTestId("d1-reference").textContent()) ?? "";
  }

  jobState() {
    return this.page.getByTestId("job-state");
  }

  async expectDone() {
    await expect(this.page.getByTestId("hand-over")).toContainText(/Hand the card over: .+ •••• \d{4}/, {
      timeout: 20_000,
    });
  }
}
