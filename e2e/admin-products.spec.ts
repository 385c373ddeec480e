import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AdminProductsPage } from "./pages/admin-products-page";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function offeredTo(page: Page, who: "tellerRiverside" | "teller"): Promise<{ name: string; cardFaceImage: string | null }[]> {
  const context = await page.context().browser()!.newContext({ storageState: storageState(who) });
  const response = await context.request.get("/api/teller/products");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { products: { name: string; cardFaceImage: string | null }[] };
  await context.close();
  return body.products;
}

test.describe("admin: card products", () => {
  test("an admin creates a product for a branch, and retiring hides it from that branch's tellers", async ({ page }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const product = { name: `E2E Debit ${stamp}`, d1CardProductId: `E2E_DEBIT_${stamp}` };
    const products = new AdminProductsPage(page);
    await products.createProduct({ ...product, branches: ["Riverside (BR002)"], faceImage: { name: "face.png", mimeType: "image/png", buffer: PNG } });

    const riverside = await offeredTo(page, "tellerRiverside");
    const offered = riverside.find((p) => p.name === product.name);
    expect(offered).toBeDefined();
    expect((await offeredTo(page, "teller")).some((p) => p.name === product.name)).toBe(false);

    // The uploaded face is served with its sniffed type and nosniff, to any signed-in user.
    const face = await page.request.get(offered!.cardFaceImage!);
    expect(face.status()).toBe(200);
    expect(face.headers()["content-type"]).toBe("image/png");
    expect(face.headers()["x-content-type-options"]).toBe("nosniff");

    await products.retire(product.name, product.d1CardProductId);
    expect((await offeredTo(page, "tellerRiverside")).some((p) => p.name === product.name)).toBe(false);
    await products.offerAgain(product.name, product.d1CardProductId);
    expect((await offeredTo(page, "tellerRiverside")).some((p) => p.name === product.name)).toBe(true);
  });

  test("D1 field rules and the image check answer next to the fields", async ({ page }) => {
    await page.goto("/admin/products/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name tellers see").fill("Bad product");
    await page.getByLabel("D1 cardProductId").fill("not valid!");
    await page.getByLabel("BIN", { exact: true }).fill("12");
    await page.getByLabel("Upload an image").setInputFiles({ name: "face.svg", mimeType: "image/svg+xml", buffer: Buffer.from("<svg/>") });
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page.getByLabel("D1 cardProductId")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#product-bin-error")).toHaveText("Enter the BIN as 6 to 11 digits.");
    // Typed values survive the error; fix them and the image check speaks next.
    await expect(page.getByLabel("Name tellers see")).toHaveValue("Bad product");
    await page.getByLabel("D1 cardProductId").fill(`E2E_BAD_${Date.now().toString(36).toUpperCase()}`);
    await page.getByLabel("BIN", { exact: true }).fill("453201");
    await page.getByLabel("Configuration").fill("VISA_DEBIT_A");
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page.locator("#product-faceImage-error")).toContainText("PNG, JPEG or WebP");
  });

  test("admin pages have no serious accessibility violations", async ({ page }) => {
    for (const [path, heading] of [
      ["/admin", "Administration"],
      ["/admin/products", "Card products"],
      ["/admin/products/new", "New card product"],
      ["/admin/branches", "Branches"],
      ["/admin/users", "Users"],
      ["/admin/audit", "Audit log"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await noSeriousViolations(page);
    }
  });
});
