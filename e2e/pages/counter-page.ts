import { expect, type Locator, type Page } from "@playwright/test";

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
    if (options.station) await this.chooseStation(this.page.getByLabel("Personalization station"), options.station);
    await this.page.getByRole("button", { name: "Review" }).click();
    await this.page.getByRole("button", { name: "Issue card" }).click();
    await expect(this.page).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
  }

  /** On a failed card's page: the station to retry on, by words of its option. */
  async chooseRetryStation(station: RegExp | string) {
    await this.chooseStation(this.page.getByLabel("Retry on station"), station);
  }

  /**
   * Chooses the station whose option's words match, by the option's value (the station's id):
   * the words after a station's name (its health, "where the card failed") change as its state
   * arrives live, so a label read first may be gone when it is chosen.
   */
  private async chooseStation(select: Locator, station: RegExp | string) {
    const options = await select
      .locator("option")
      .evaluateAll((els) => els.map((el) => ({ label: el.textContent ?? "", value: (el as HTMLOptionElement).value })));
    const found = options.find(({ label }) =>
      typeof station === "string" ? label.includes(station) : station.test(label),
    );
    if (!found) throw new Error(`no station option matches ${String(station)}`);
    await select.selectOption(found.value);
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
