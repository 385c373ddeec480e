// A canceled card stays canceled: after "Cancel this card" the page offers no retry, and the
// retry action itself refuses it. A retry on the station that failed needs a confirmation.
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { callAction, resultCode, serverActions } from "./support/server-actions";
import { sim } from "./support/simulator";
import { storageState } from "./support/users";
import { registerWorkingStation } from "./support/stations";

test.use({ storageState: storageState("teller") });

test("after a jam, the failed station needs a confirmation, and a canceled card offers no retry", async ({
  page,
  playwright,
  baseURL,
}) => {
  // A station of its own, so that the jam cannot hit another journey's card.
  const suffix = Date.now().toString(36).toUpperCase();
  const persoStation = `BR001-PS-C${suffix}`;
  const label = `Cancel test printer ${suffix}`;
  await sim("POST", "/stations", { persoStation, branchCode: "BR001" });
  const manager = await playwright.request.newContext({ baseURL, storageState: storageState("manager") });
  await registerWorkingStation(manager, { persoStation, label, location: "Test desk" });
  await sim("POST", `/stations/${persoStation}/faults`, { kind: "jam", count: 1 });

  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000094");
  await counter.issue({ station: label });
  await expect(page.getByTestId("failure")).toContainText("The station could not produce the card", {
    timeout: 20_000,
  });
  const jobId = page.url().split("/").pop()!;

  // The station that failed is offered, but only with the teller's word that it is fixed.
  await counter.chooseRetryStation("(where the card failed)");
  const confirm = page.getByLabel("The problem at this station is solved: retry on it");
  await expect(confirm).toBeVisible();
  await page.getByRole("button", { name: "Retry the card" }).click();
  await expect(page.locator("#retry-confirm-same-error")).toContainText("Confirm that its problem is solved");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(new RegExp(`/teller/jobs/${jobId}$`));

  // Cancel asks once, then is final.
  await page.getByRole("button", { name: "Cancel this card" }).click();
  await page.getByRole("button", { name: "Yes, cancel this card" }).click();
  await expect(page.getByTestId("canceled")).toHaveText("Canceled at the counter. No card was produced.");
  for (const reload of [false, true]) {
    if (reload) await page.reload();
    await expect(page.getByTestId("canceled")).toBeVisible();
    await expect(page.getByLabel("Retry on station")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Retry/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Cancel this card/ })).toHaveCount(0);
    await expect(page.getByTestId("failure")).toHaveCount(0);
  }

  // The action refuses it too, on any station, whatever the page offers.
  type Stations = { stations: { id: string; persoStation: string }[] };
  const { stations } = (await (await manager.get("/api/manager/stations")).json()) as Stations;
  const other = stations.find((s) => s.persoStation === "BR001-PS-01")!;
  const retry = serverActions().find((a) => a.name === "retryJobAction")!;
  const call = await callAction(page.request, retry, [{ jobId, stationId: other.id }]);
  expect(resultCode(call.body)).toBe("conflict:job");
  expect(call.body).toContain("canceled at the counter");
  expect(call.actionRedirect).toBeNull();
  await manager.dispose();
});
