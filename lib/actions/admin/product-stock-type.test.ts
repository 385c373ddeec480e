// A product keeps the stock type it prints on after the admin deactivates that stock type: the
// form still offers it (labelled inactive) and saving the form unchanged keeps it; a new choice
// must be an active stock type. The test product: one active at a time, and never a teller's.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { productStockTypeChoices } from "@/db/queries/stock-types";
import { listOfferedProducts } from "@/db/queries/products";
import { cardProducts, productBranches, stockTypes } from "@/db/schema";
import { makeBranch, makeCounter, makeUser, theTestProduct, uniq } from "@/db/testing/factories";
import { checkCounterRequest } from "@/lib/issuance/counter-checks";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));

const { createProductAction } = await import("./create-product");
const { updateProductAction } = await import("./update-product");

let branchId: string;

beforeAll(async () => {
  const branch = await makeBranch(db);
  branchId = branch.id;
  actAs(await makeUser(db, "admin", branch.id));
});
afterAll(() => db.$client.end());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  const all = {
    name: `Stock ${uniq()}`,
    d1CardProductId: uniq("STOCK_").toUpperCase(),
    bin: "453201",
    panLength: "16",
    expiryMonths: "36",
    paConfig: "VISA_DEBIT_A",
    embossMaxLength: "26",
    embossUppercase: "on",
    embossAllowed: "A-Z .",
    branchIds: branchId,
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) data.append(k, v);
  return data;
}

const stockType = async (active = true) =>
  (
    await db
      .insert(stockTypes)
      .values({ code: uniq("ST-"), name: `Plastic ${uniq()}`, active })
      .returning()
  )[0]!;
const product = async (id: string) => (await db.select().from(cardProducts).where(eq(cardProducts.id, id)))[0]!;

async function created(fields: Record<string, string>) {
  const result = await createProductAction(null, form(fields));
  if (!result.ok) throw new Error(result.message);
  return product(result.data.productId);
}

describe("a product whose stock type was deactivated", () => {
  it("is offered that stock type in its form, labelled inactive, and keeps it when saved unchanged", async () => {
    const type = await stockType();
    const p = await created({ stockTypeId: type.id });
    await db.update(stockTypes).set({ active: false }).where(eq(stockTypes.id, type.id));

    const choices = await productStockTypeChoices({ db, currentId: p.stockTypeId });
    expect(choices).toContainEqual({ id: type.id, name: type.name, active: false });
    // Another product's form does not offer it.
    expect((await productStockTypeChoices({ db, currentId: null })).map((c) => c.id)).not.toContain(type.id);

    const saved = await updateProductAction(
      null,
      form({ productId: p.id, name: p.name, d1CardProductId: p.d1CardProductId, stockTypeId: type.id }),
    );
    expect(saved).toMatchObject({ ok: true });
    expect((await product(p.id)).stockTypeId).toBe(type.id);
  });

  it("cannot be moved to another inactive stock type", async () => {
    const p = await created({ stockTypeId: (await stockType()).id });
    const other = await stockType(false);
    const refused = await updateProductAction(
      null,
      form({ productId: p.id, name: p.name, d1CardProductId: p.d1CardProductId, stockTypeId: other.id }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { stockTypeId: [expect.stringContaining("no longer")] } });
  });
});

describe("the test-product flag", () => {
  it("keeps the test product from tellers, even where an admin offered it to the branch", async () => {
    const test = await theTestProduct(db);
    await db.insert(productBranches).values({ productId: test.id, branchId });
    const offered = await listOfferedProducts({ db, branchId });
    expect(offered.map((p) => p.id)).not.toContain(test.id);
    const counter = await makeCounter(db);
    await db.insert(productBranches).values({ productId: test.id, branchId: counter.branch.id });
    await expect(
      checkCounterRequest({
        branchId: counter.branch.id,
        customerId: counter.customer.id,
        productId: test.id,
        stationId: counter.station.id,
        nameOnCard: "JANE DOE",
        training: false,
      }),
    ).rejects.toMatchObject({ code: "invalid:product" });
  });

  it("refuses a second active test product with a field error", async () => {
    await theTestProduct(db);
    const refused = await createProductAction(null, form({ isTestProduct: "on" }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { isTestProduct: [expect.stringContaining("Another active product is the test product")] },
    });
  });
});
