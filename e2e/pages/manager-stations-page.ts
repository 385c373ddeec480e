import { expect, type Page } from "@playwright/test";

export type NewStation = { persoStation: string; label: string; location?: string };

/** The manager's Stations page: register, print or confirm a test card, make default, enable and disable. */
export class ManagerStationsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/manager/stations");
    await expect(this.page.getByRole("heading", { level: 1, name: "Personalization stations" })).toBeVisible();
    // The badge says "Live" once the page is hydrated and its event stream is open.
    await expect(this.page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    await expect(this.page.getByTestId("live-status")).toHaveText(/Live/);
  }

  row(persoStation: string) {
    return this.page.getByTestId(`station-${persoStation}`);
  }

  async addStation(station: NewStation) {
    await this.page.getByLabel("Station id (persoStation)").fill(station.persoStation);
    await this.page.getByLabel("Label", { exact: true }).fill(station.label);
    await this.page.getByLabel("Location (optional)").fill(station.location ?? "");
    await this.page.getByRole("button", { name: "Register station" }).click();
    await expect(
      this.page.getByText(`Station ${station.persoStation} is registered, disabled until a test card`),
    ).toBeVisible();
    await expect(this.row(station.persoStation)).toContainText("Disabled");
    await expect(this.row(station.persoStation)).toContainText("Not verified yet");
  }

  /** Registers a station, confirms its test card and enables it: ready for tellers. */
  async addWorkingStation(station: NewStation) {
    await this.addStation(station);
    await this.confirmTestCard(station.label);
    await this.enable(station.label);
  }

  async confirmTestCard(label: string) {
    await this.page.getByRole("button", { name: `Confirm test card: ${label}` }).click();
    await this.page.getByRole("button", { name: "A test card was printed here" }).click();
    await expect(this.page.getByText(`${label} is verified.`)).toBeVisible();
  }

  /** Sends the bank's test product to the station through D1; its progress shows on the row. */
  async printTestCard(label: string) {
    await this.page.getByRole("button", { name: `Print test card: ${label}` }).click();
    await expect(this.page.getByText(`is on its way to ${label}.`)).toBeVisible();
  }

  async makeDefault(label: string) {
    await this.page.getByRole("button", { name: `Make default: ${label}` }).click();
    await expect(this.page.getByText(`${label} is now the default station.`)).toBeVisible();
  }

  /** Disables a station; with cards in progress the page warns first and `confirm` goes ahead. */
  async disable(label: string, { confirm = true } = {}) {
    await this.page.getByRole("button", { name: `Disable: ${label}` }).click();
    const warning = this.page.getByRole("alert").filter({ hasText: "still waiting" });
    const done = this.page.getByText(`${label} is disabled.`);
    await expect(warning.or(done)).toBeVisible();
    if (await warning.isVisible()) {
      if (!confirm) return warning;
      await this.page.getByRole("button", { name: "Disable anyway" }).click();
      await expect(done).toBeVisible();
    }
    return null;
  }

  async enable(label: string) {
    await this.page.getByRole("button", { name: `Enable: ${label}` }).click();
    await expect(this.page.getByText(`${label} is enabled.`)).toBeVisible();
  }
}
