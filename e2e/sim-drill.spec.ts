// A trainer's drill from the simulator's control page: add a station, jam it until cleared,
// watch a teller's card end in the jam exception, clear the fault, and the retry is produced.
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { SIM_ADMIN_URL } from "./support/config";
import { sim } from "./support/simulator";
import { registerWorkingStation } from "./support/stations";
import { storageState } from "./support/users";

test.use({ storageState: storageState("teller") });

// This journey's own customer (default product, no account needed).
const CUSTOMER = "C00000151";

test("a jam injected from the control page ends the teller's card in the jam exception until cleared", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A station of its own, so that the jam cannot hit another journey's card.
  const suffix = Date.now().toString(36).toUpperCase();
  const persoStation = `BR001-PS-D${suffix}`;
  const label = `Drill printer ${suffix}`;

  // The trainer's browser on the control page (another origin than the app).
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await trainer.goto(`${SIM_ADMIN_URL}/`);
  await expect(trainer.getByRole("heading", { name: "D1 simulator: control page", level: 1 })).toBeVisible();
  const add = trainer.getByRole("group", { name: "Add a station the simulator does not know yet" });
  await add.getByLabel("Perso station id").fill(persoStation);
  await add.getByLabel("Branch code").fill("BR001");
  await add.getByRole("button", { name: "Add station" }).click();
  await expect(trainer.getByRole("status")).toHaveText("Station added.");

  const manager = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  await registerWorkingStation(manager, { persoStation, label, location: "Drill desk" });

  const station = trainer.getByRole("region", { name: `Station ${persoStation}` });
  await station.getByLabel("Fault", { exact: true }).selectOption({ label: "Card jam" });
  await station.getByLabel("Every one until cleared").check();
  await station.getByRole("button", { name: "Inject station fault" }).click();
  await expect(trainer.getByRole("status")).toHaveText("Station fault injected.");
  const active = trainer.getByRole("region", { name: "Active faults" });
  const fault = `${persoStation}: Card jam, until cleared`;
  await expect(active).toContainText(fault);

  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer(CUSTOMER);
  await counter.issue({ station: label });
  await expect(page.getByTestId("failure")).toContainText("The station could not produce the card", {
    timeout: 20_000,
  });
  await expect(page.getByTestId("failure")).toContainText("D1 reported: “jam”");

  // The control page lists the order (no card data) and the fault is still there.
  await trainer.getByRole("link", { name: "Refresh this page" }).click();
  await expect(trainer.getByRole("region", { name: "Recent orders" })).toContainText(persoStation);
  await active.getByRole("button", { name: `Clear: ${fault}` }).click();
  await expect(trainer.getByRole("status")).toHaveText("Cleared.");
  await expect(active).not.toContainText(fault);
  expect((await sim<{ faults: unknown[] }>("GET", `/stations/${persoStation}`)).faults).toEqual([]);

  // Normal again: a retry on the same station (with the teller's word it is fixed) is produced.
  await counter.chooseRetryStation("(where the card failed)");
  await page.getByLabel("The problem at this station is solved: retry on it").check();
  await page.getByRole("button", { name: "Retry the card" }).click();
  await counter.expectDone();

  await trainerContext.close();
  await manager.dispose();
});
