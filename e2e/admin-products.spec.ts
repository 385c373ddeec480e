import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CARD_FACE_CSP } from "../lib/auth/security-headers";
import { CounterPage } from "./pages/counter-page";
import { AdminProductsPage } from "./pages/admin-products-page";
import { expectNoSidewaysPageScroll, NARROW_SCREENS } from "./support/layout";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** A file of `bytes` that the server takes for a PNG (it sniffs the signature only). */
const pngOfSize = (bytes: number) => Buffer.concat([PNG, Buffer.alloc(bytes - PNG.length)]);

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function offeredTo(
  page: Page,
  who: "tellerRiverside" | "teller",
): Promise<{ name: string; cardFaceImage: string | null }[]> {
  const context = await page
    .context()
    .browser()!
    .newContext({ storageState: storageState(who) });
  const response = await context.request.get("/api/teller/products");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { products: { name: string; cardFaceImage: string | null }[] };
  await context.close();
  return body.products;
}

test.describe("admin: card products", () => {
  test("an admin creates a product for a branch, and retiring hides it from that branch's tellers", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const product = { name: `E2E Debit ${stamp}`, d1CardProductId: `E2E_DEBIT_${stamp}` };
    const products = new AdminProductsPage(page);
    await products.createProduct({
      ...product,
      branches: ["Riverside (BR002)"],
      faceImage: { name: "face.png", mimeType: "image/png", buffer: PNG },
    });

    const riverside = await offeredTo(page, "tellerRiverside");
    const offered = riverside.find((p) => p.name === product.name);
    expect(offered).toBeDefined();
    expect((await offeredTo(page, "teller")).some((p) => p.name === product.name)).toBe(false);

    // The uploaded face is served with its sniffed type and nosniff, to any signed-in user.
    const face = await page.request.get(offered!.cardFaceImage!);
    expect(face.status()).toBe(200);
    expect(face.headers()["content-type"]).toBe("image/png");
    expect(face.headers()["x-content-type-options"]).toBe("nosniff");
    // Its own sandboxing policy, not the general API one (Next.js would keep only that).
    expect(face.headers()["content-security-policy"]).toBe(CARD_FACE_CSP);

    await products.retire(product.name, product.d1CardProductId);
    expect((await offeredTo(page, "tellerRiverside")).some((p) => p.name === product.name)).toBe(false);
    await products.offerAgain(product.name, product.d1CardProductId);
    expect((await offeredTo(page, "tellerRiverside")).some((p) => p.name === product.name)).toBe(true);
  });

  test("a product whose stock type was deactivated still shows it, labelled inactive, and saving keeps it", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const stock = `E2E plastic ${stamp}`;
    await page.goto("/admin/stock-types");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Code").fill(`E2E-${stamp}`);
    await page.getByLabel("Name", { exact: true }).fill(stock);
    await page.getByRole("button", { name: "Add stock type" }).click();
    await expect(page.getByText(`${stock} added.`)).toBeVisible();

    const product = { name: `E2E Stock ${stamp}`, d1CardProductId: `E2E_STOCK_${stamp}` };
    const products = new AdminProductsPage(page);
    await page.goto("/admin/products/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Card stock (blank plastic)").selectOption({ label: stock });
    await products.fillAndCreate({ ...product, branches: [] });
    const productUrl = page.url().replace(/\?created=1$/, "");

    await page.goto("/admin/stock-types");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: `Deactivate ${stock}` }).click();
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(page.getByRole("button", { name: `Activate ${stock}` })).toBeVisible();

    await page.goto(productUrl);
    await page.waitForLoadState("networkidle");
    const field = page.getByLabel("Card stock (blank plastic)");
    await expect(field.locator("option:checked")).toHaveText(`${stock} (inactive: kept while this product uses it)`);
    await page.getByRole("button", { name: "Save product" }).click();
    await expect(page.getByText(`${product.name} is saved.`)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Card stock (blank plastic)").locator("option:checked")).toHaveText(
      `${stock} (inactive: kept while this product uses it)`,
    );
  });

  test("D1 field rules and the image check answer next to the fields", async ({ page }) => {
    await page.goto("/admin/products/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name tellers see").fill("Bad product");
    await page.getByLabel("D1 cardProductId").fill("not valid!");
    await page.getByLabel("BIN", { exact: true }).fill("12");
    await page
      .getByLabel("Upload an image")
      .setInputFiles({ name: "face.svg", mimeType: "image/svg+xml", buffer: Buffer.from("<svg/>") });
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

  test("a card face over 512 KB gets a field error before it is uploaded, and the form keeps what was typed", async ({
    page,
  }) => {
    const actionCalls: string[] = [];
    page.on("request", (r) => void (r.headers()["next-action"] && actionCalls.push(r.url())));
    for (const bytes of [4.7 * 1024 * 1024, 600 * 1024]) {
      await page.goto("/admin/products/new");
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Name tellers see").fill("Large face");
      await page.getByLabel("D1 cardProductId").fill("E2E_LARGE_FACE");
      await page.getByLabel("BIN", { exact: true }).fill("453201");
      await page.getByLabel("Configuration").fill("VISA_DEBIT_A");
      await page.getByLabel("Riverside (BR002)").check();
      await page
        .getByLabel("Upload an image")
        .setInputFiles({ name: "face.png", mimeType: "image/png", buffer: pngOfSize(Math.round(bytes)) });
      await page.getByRole("button", { name: "Create product" }).click();
      await expect(page.locator("#product-faceImage-error")).toHaveText(
        `The image is ${Math.ceil(bytes / 1024)} KB; upload one of at most 512 KB.`,
      );
      await expect(page.getByLabel("Upload an image")).toBeFocused();
      await expect(page.getByRole("heading", { level: 1, name: "New card product" })).toBeVisible();
      await expect(page.getByLabel("Name tellers see")).toHaveValue("Large face");
      await expect(page.getByLabel("D1 cardProductId")).toHaveValue("E2E_LARGE_FACE");
      await expect(page.getByLabel("Configuration")).toHaveValue("VISA_DEBIT_A");
      await expect(page.getByLabel("Riverside (BR002)")).toBeChecked();
    }
    expect(actionCalls, "no server action was called").toEqual([]);
  });

  test("an image of exactly 512 KB fits in the server action's body limit", async ({ page }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    await new AdminProductsPage(page).createProduct({
      name: `E2E Max Face ${stamp}`,
      d1CardProductId: `E2E_MAX_FACE_${stamp}`,
      branches: ["Riverside (BR002)"],
      faceImage: { name: "face.png", mimeType: "image/png", buffer: pngOfSize(512 * 1024) },
    });
  });

  test("the product list offers Delete only for a product that never issued a card", async ({ page, browser }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const product = { name: `E2E Used ${stamp}`, d1CardProductId: `E2E_USED_${stamp}` };
    const products = new AdminProductsPage(page);
    await products.createProduct({ ...product, branches: ["Downtown (BR001)"] });
    await products.goto();
    const row = products.row(product.d1CardProductId);
    await expect(row.getByRole("button", { name: "Delete…" })).toBeVisible();
    await expect(row).not.toContainText("has issued cards");

    const teller = await browser.newContext({ storageState: storageState("teller") });
    const counter = new CounterPage(await teller.newPage());
    await counter.goto();
    await counter.openCustomer("C00000065");
    await counter.issue({ product: product.name });
    await teller.close();

    await products.goto();
    await expect(row).toContainText("has issued cards");
    await expect(row.getByRole("button", { name: `Retire ${product.name}` })).toBeVisible();
    await expect(row.getByRole("button", { name: "Delete…" })).toHaveCount(0);

    // What its issued cards are stays as it was: BIN, PAN length and D1 id are locked, with why.
    await row.getByRole("link", { name: product.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
    for (const label of ["D1 cardProductId", "PAN length"]) {
      await expect(page.getByLabel(label)).toHaveAttribute("readonly", "");
      await expect(page.getByLabel(label)).toHaveAccessibleDescription(/A new product is the way to change it/);
    }
    await expect(page.getByLabel("BIN", { exact: true })).toHaveAttribute("readonly", "");
    await products.goto();
    // Out of Downtown's tellers' choice again, for the specs that follow.
    await products.retire(product.name, product.d1CardProductId);
    await expect(row.getByRole("button", { name: "Delete…" })).toHaveCount(0);
  });

  test("on narrow screens the product list scrolls its table, not the page", async ({ page }) => {
    const products = new AdminProductsPage(page);
    for (const size of NARROW_SCREENS) {
      await page.setViewportSize(size);
      await products.goto();
      await expect(page.getByRole("table", { name: "Card products" })).toBeVisible();
      await expectNoSidewaysPageScroll(page);
    }
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
