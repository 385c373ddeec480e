// A product that issued cards keeps its BIN, PAN length and D1 product id: the server refuses a
// change with field errors (whatever the form showed), while its other fields stay editable.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { cardProducts } from "@/db/schema";
import { makeCounter, makeJob, makeUser, uniq } from "@/db/testing/factories";
import { lockedFieldErrors } from "@/lib/product-locks";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));

const { createProductAction } = await import("./create-product");
const { updateProductAction } = await import("./update-product");

let counter: Awaited<ReturnType<typeof makeCounter>>;

beforeAll(async () => {
  counter = await makeCounter(db);
  actAs(await makeUser(db, "admin", null));
});
afterAll(() => db.$client.end());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  const all = {
    name: `Locks ${uniq()}`,
    bin: "453201",
    panLength: "16",
    expiryMonths: "36",
    paConfig: "VISA_DEBIT_A",
    embossMaxLength: "26",
    embossUppercase: "on",
    embossAllowed: "A-Z .",
    branchIds: counter.branch.id,
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) data.append(k, v);
  return data;
}

async function product() {
  const d1CardProductId = uniq("LOCK_").toUpperCase();
  const created = await createProductAction(null, form({ d1CardProductId }));
  if (!created.ok) throw new Error(created.message);
  return { id: created.data.productId, d1CardProductId };
}

describe("locked product fields", () => {
  it("lets an unused product change its BIN, PAN length and D1 id", async () => {
    const p = await product();
    const next = uniq("LOCK_").toUpperCase();
    const saved = await updateProductAction(
      null,
      form({ productId: p.id, d1CardProductId: next, bin: "411111", panLength: "19" }),
    );
    expect(saved).toMatchObject({ ok: true });
    const [row] = await db.select().from(cardProducts).where(eq(cardProducts.id, p.id));
    expect(row).toMatchObject({ d1CardProductId: next, bin: "411111", panLength: 19 });
  });

  it("refuses those changes once a card was issued, with a field error each, and keeps the rest editable", async () => {
    const p = await product();
    await makeJob(db, counter, { productId: p.id });
    const refused = await updateProductAction(
      null,
      form({ productId: p.id, d1CardProductId: uniq("LOCK_").toUpperCase(), bin: "411111", panLength: "19" }),
    );
    expect(refused).toMatchObject({ ok: false, code: "conflict:product" });
    const errors = !refused.ok ? refused.fieldErrors : undefined;
    expect(Object.keys(errors ?? {}).sort()).toEqual(["bin", "d1CardProductId", "panLength"]);
    expect(errors?.bin?.[0]).toContain("stays 453201");
    const [row] = await db.select().from(cardProducts).where(eq(cardProducts.id, p.id));
    expect(row).toMatchObject({ d1CardProductId: p.d1CardProductId, bin: "453201", panLength: 16 });

    const renamed = await updateProductAction(
      null,
      form({ productId: p.id, d1CardProductId: p.d1CardProductId, name: "Renamed Debit" }),
    );
    expect(renamed).toMatchObject({ ok: true, data: { name: "Renamed Debit" } });
  });

  it("compares as the form sends them (a number as text is the same number)", () => {
    const current = { d1CardProductId: "X", bin: "453201", panLength: 16 };
    expect(lockedFieldErrors(current, { d1CardProductId: "X", bin: "453201", panLength: "16" })).toEqual({});
    expect(Object.keys(lockedFieldErrors(current, { panLength: 19 }))).toEqual(["panLength"]);
  });
});
