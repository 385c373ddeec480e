// A card request of Riverside that waits for a manager's approval, for journeys that visit the
// job and approval pages: a product of its own that needs approval (offered at Riverside only,
// so that Downtown's journeys never meet it), requested by Riverside's teller.
import { expect, type Browser } from "@playwright/test";
import { AdminProductsPage } from "../pages/admin-products-page";
import { CounterPage } from "../pages/counter-page";
import { storageState } from "./users";

export type AwaitingRequest = { jobId: string; productName: string; retireProduct: () => Promise<void> };

export async function awaitingRequest(browser: Browser, customerNumber: string): Promise<AwaitingRequest> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
  const product = { name: `E2E Waits ${stamp}`, d1CardProductId: `E2E_WAITS_${stamp}` };
  const admin = await browser.newContext({ storageState: storageState("admin") });
  const products = new AdminProductsPage(await admin.newPage());
  await products.createProduct({ ...product, branches: ["Riverside (BR002)"], needsApproval: true });

  const teller = await browser.newContext({ storageState: storageState("tellerRiverside") });
  const page = await teller.newPage();
  const counter = new CounterPage(page);
  await counter.goto();
  await counter.openCustomer(customerNumber);
  await page.getByRole("radio", { name: product.name, exact: true }).check();
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Issue card" }).click();
  await expect(page).toHaveURL(/\/teller\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-state")).toContainText("Awaiting approval");
  const jobId = page.url().split("/").pop()!;
  await teller.close();
  return {
    jobId,
    productName: product.name,
    retireProduct: async () => {
      await products.retire(product.name, product.d1CardProductId);
      await admin.close();
    },
  };
}
