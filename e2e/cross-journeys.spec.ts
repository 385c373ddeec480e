// Journeys across roles: what a manager or an admin changes reaches the teller's next card.
import { expect, test } from "./fixtures";
import { AdminProductsPage } from "./pages/admin-products-page";
import { CounterPage } from "./pages/counter-page";
import { ManagerStationsPage } from "./pages/manager-stations-page";
import { sim } from "./support/simulator";
import { loadStation } from "./support/stock";
import { storageState } from "./support/users";

type SimOrder = {
  issuerRequestId: string;
  persoStation?: string;
  station?: string;
  cardProductId?: string;
  product?: string;
};

async function simOrderFor(reference: string): Promise<SimOrder | undefined> {
  const orders = await sim<SimOrder[] | { orders: SimOrder[] }>("GET", "/orders");
  const list = Array.isArray(orders) ? orders : orders.orders;
  return list.find((o) => o.issuerRequestId === reference);
}

test("a manager's new default station receives the teller's next card", async ({ browser }) => {
  const id = `BR001-PS-E2E${Date.now().toString(36).toUpperCase()}`;
  await sim("POST", "/stations", { persoStation: id, branchCode: "BR001" });
  const managerContext = await browser.newContext({ storageState: storageState("manager") });
  const stations = new ManagerStationsPage(await managerContext.newPage());
  await stations.goto();
  await stations.addWorkingStation({ persoStation: id, label: "Journey printer", location: "Kiosk corner" });
  // A station without blank cards is not offered to tellers.
  await loadStation(managerContext.request, id);
  await stations.makeDefault("Journey printer");
  try {
    const tellerContext = await browser.newContext({ storageState: storageState("teller") });
    const page = await tellerContext.newPage();
    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000071");
    await expect(page.getByLabel("Personalization station")).toHaveValue(/.+/);
    const selected = await page.getByLabel("Personalization station").locator("option:checked").textContent();
    expect(selected).toContain("Journey printer");
    await counter.issue();
    await counter.expectDone();
    const order = await simOrderFor(await counter.reference());
    expect(order?.persoStation ?? order?.station).toBe(id);
    await tellerContext.close();
  } finally {
    await stations.goto();
    await stations.makeDefault("Counter printer 1");
    await managerContext.close();
  }
});

test("an admin's new product is issued by a teller of an offering branch", async ({ browser }) => {
  const code = `E2E_JOURNEY_${Date.now().toString(36).toUpperCase()}`;
  const name = `Journey Debit ${code.slice(-5)}`;
  const adminContext = await browser.newContext({ storageState: storageState("admin") });
  const products = new AdminProductsPage(await adminContext.newPage());
  await products.createProduct({ name, d1CardProductId: code, branches: ["Downtown (BR001)"] });

  const tellerContext = await browser.newContext({ storageState: storageState("teller") });
  const page = await tellerContext.newPage();
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer("C00000072");
  await counter.issue({ product: name, station: "Counter printer 1" });
  await counter.expectDone();
  const order = await simOrderFor(await counter.reference());
  expect(order?.cardProductId ?? order?.product).toBe(code);

  await products.retire(name, code);
  await counter.goto();
  await counter.openCustomer("C00000073");
  await expect(page.getByRole("radio", { name })).toHaveCount(0);
  await adminContext.close();
  await tellerContext.close();
});
