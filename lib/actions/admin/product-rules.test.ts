// The admin's product actions keep the counter's rules (age range, customer types, the debit
// account flag), audit them, and answer bad ones with field errors.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, cardProducts } from "@/db/schema";
import { makeBranch, makeUser, uniq } from "@/db/testing/factories";
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

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  const base = {
    name: `Rules ${uniq()}`,
    d1CardProductId: uniq("RULES_").toUpperCase(),
    bin: "453201",
    panLength: "16",
    expiryMonths: "36",
    paConfig: "VISA_DEBIT_A",
    embossMaxLength: "26",
    embossUppercase: "on",
    embossAllowed: "A-Z .",
    branchIds: branchId,
  };
  const all: Record<string, string | string[]> = { ...base, ...fields };
  for (const [k, v] of Object.entries(all)) for (const one of typeof v === "string" ? [v] : v) data.append(k, one);
  return data;
}

describe("product rules for the counter", () => {
  it("stores the age range, customer types and debit flag, and audits them", async () => {
    const result = await createProductAction(
      null,
      form({ minAge: "16", maxAge: "25", customerTypes: ["private"], needsAccount: "on", needsApproval: "on" }),
    );
    expect(result).toMatchObject({ ok: true });
    const id = result.ok ? result.data.productId : "";
    const [row] = await db.select().from(cardProducts).where(eq(cardProducts.id, id));
    expect(row).toMatchObject({
      minAge: 16,
      maxAge: 25,
      customerTypes: ["private"],
      needsAccount: true,
      needsApproval: true,
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "product.create")));
    expect(audit?.after).toMatchObject({ minAge: 16, maxAge: 25, customerTypes: ["private"], needsApproval: true });

    // Emptied fields remove the rules.
    const cleared = await updateProductAction(
      null,
      form({ productId: id, name: row!.name, d1CardProductId: row!.d1CardProductId, minAge: "", maxAge: "" }),
    );
    expect(cleared).toMatchObject({ ok: true });
    const [after] = await db.select().from(cardProducts).where(eq(cardProducts.id, id));
    expect(after).toMatchObject({
      minAge: null,
      maxAge: null,
      customerTypes: null,
      needsAccount: false,
      needsApproval: false,
    });
  });

  it("answers an impossible range and an unknown customer type with field errors", async () => {
    const result = await createProductAction(null, form({ minAge: "30", maxAge: "18", customerTypes: "robots" }));
    expect(result).toMatchObject({ ok: false, code: "invalid:action" });
    expect(!result.ok && result.fieldErrors).toMatchObject({
      customerTypes: ["Choose customer types from the list."],
    });
    const range = await createProductAction(null, form({ minAge: "30", maxAge: "18" }));
    expect(!range.ok && range.fieldErrors?.maxAge).toEqual(["The highest age must be at least the lowest age."]);
  });
});
