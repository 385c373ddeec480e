// The admin's stock types: create (code unique), rename, deactivate (no more shipments), audited;
// admins only.
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, stockTypes } from "@/db/schema";
import { makeBranch, makeUser, uniq } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createStockTypeAction } = await import("./create-stock-type");
const { renameStockTypeAction } = await import("./rename-stock-type");
const { setStockTypeActiveAction } = await import("./set-stock-type-active");

afterAll(() => db.$client.end());

describe("stock types", () => {
  it("are created, renamed and deactivated by an admin, each change audited", async () => {
    const branch = await makeBranch(db);
    actAs(await makeUser(db, "manager", branch.id));
    const code = uniq("pvc-");
    expect(await createStockTypeAction({ code, name: "Debit blank PVC" })).toMatchObject({ code: "forbidden:action" });

    actAs(await makeUser(db, "admin", null));
    const created = await createStockTypeAction({ code, name: "Debit blank PVC" });
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.stockTypeId : "";
    // The code is unique whatever its case.
    expect(await createStockTypeAction({ code: code.toUpperCase(), name: "Again" })).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.any(String)] },
    });
    expect(await renameStockTypeAction({ stockTypeId: id, name: "Debit PVC v2" })).toMatchObject({ ok: true });
    expect(await setStockTypeActiveAction({ stockTypeId: id, active: false })).toMatchObject({ ok: true });
    const [row] = await db.select().from(stockTypes).where(eq(stockTypes.id, id));
    expect(row).toMatchObject({ code: code.toUpperCase(), name: "Debit PVC v2", active: false });
    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "stock_type"), eq(auditLog.entityId, id)))
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(["stock_type.create", "stock_type.deactivate", "stock_type.rename"]);
  });
});
