import { expect, type Page } from "@playwright/test";

export type NewProduct = {
  name: string;
  d1CardProductId: string;
  bin?: string;
  panLength?: number;
  expiryMonths?: number;
  paConfig?: string;
  /** Branch option labels as shown, e.g. "Riverside (BR002)". */
  branches: string[];
  /** A PNG/JPEG/WebP file to upload as the card face. */
  faceImage?: { name: string; mimeType: string; buffer: Buffer };
  /** Every request for the product waits for a manager's approval. */
  needsApproval?: boolean;
};

/** The admin's card products: create, retire, offer again. */
export class AdminProductsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/products");
    await this.page.waitForLoadState("networkidle");
    await expect(this.page.getByRole("heading", { level: 1, name: "Card products" })).toBeVisible();
  }

  row(d1CardProductId: string) {
    return this.page.getByTestId(`product-${d1CardProductId}`);
  }

  async createProduct(p: NewProduct) {
    await this.page.goto("/admin/products/new");
    // Wait for hydration, so the form submits through React and keeps what was typed.
    await this.page.waitForLoadState("networkidle");
    await this.fillAndCreate(p);
  }

  /** Fills the open "New card product" form (other fields as the caller left them) and creates it. */
  async fillAndCreate(p: NewProduct) {
    await expect(this.page.getByRole("heading", { level: 1, name: "New card product" })).toBeVisible();
    await this.page.getByLabel("Name tellers see").fill(p.name);
    await this.page.getByLabel("D1 cardProductId").fill(p.d1CardProductId);
    await this.page.getByLabel("BIN", { exact: true }).fill(p.bin ?? "453201");
    await this.page.getByLabel("PAN length").fill(String(p.panLength ?? 16));
    await this.page.getByLabel("Valid for (months)").fill(String(p.expiryMonths ?? 36));
    await this.page.getByLabel("Configuration").fill(p.paConfig ?? "VISA_DEBIT_A");
    for (const branch of p.branches) await this.page.getByLabel(branch).check();
    if (p.needsApproval) await this.page.getByLabel(/^Needs approval/).check();
    if (p.faceImage) await this.page.getByLabel("Upload an image").setInputFiles(p.faceImage);
    await this.page.getByRole("button", { name: "Create product" }).click();
    // Straight to the new product's page, so a second press cannot create a duplicate.
    await expect(this.page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}\?created=1$/);
    await expect(this.page.getByText(`${p.name} is created.`)).toBeVisible();
  }

  async retire(name: string, d1CardProductId: string) {
    await this.goto();
    await this.row(d1CardProductId)
      .getByRole("button", { name: `Retire ${name}` })
      .click();
    // Retiring asks first: nothing changes until it is confirmed.
    await expect(this.row(d1CardProductId)).not.toContainText("Retired");
    await this.row(d1CardProductId)
      .getByRole("button", { name: `Yes, retire ${name}` })
      .click();
    await expect(this.page.getByText(`${name} is retired. Tellers no longer see it.`)).toBeVisible();
    await expect(this.row(d1CardProductId)).toContainText("Retired");
  }

  async offerAgain(name: string, d1CardProductId: string) {
    await this.goto();
    await this.row(d1CardProductId)
      .getByRole("button", { name: `Offer ${name} again` })
      .click();
    await expect(this.row(d1CardProductId)).toContainText("Offered");
  }
}
