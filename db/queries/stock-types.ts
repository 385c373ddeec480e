// Stock types (blank card plastics) as the admin manages them.
import { asc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cardProducts, stockTypes } from "@/db/schema";

export type StockTypeRow = typeof stockTypes.$inferSelect & { products: number };

/** Every stock type with the number of products printing on it; active ones first. */
export function listStockTypes({ db }: { db: Executor }): Promise<StockTypeRow[]> {
  return db
    .select({
      id: stockTypes.id,
      code: stockTypes.code,
      name: stockTypes.name,
      active: stockTypes.active,
      createdAt: stockTypes.createdAt,
      products: sql<number>`(select count(*)::int from ${cardProducts} p where p.stock_type_id = ${stockTypes.id})`,
    })
    .from(stockTypes)
    .orderBy(sql`${stockTypes.active} desc`, asc(stockTypes.name));
}

/** The active ones, for a select (a product's stock, a movement's stock). */
export function activeStockTypes({ db }: { db: Executor }) {
  return db
    .select({ id: stockTypes.id, name: stockTypes.name })
    .from(stockTypes)
    .where(eq(stockTypes.active, true))
    .orderBy(asc(stockTypes.name));
}

/**
 * A product form's choices: the active stock types, and the product's own one even when it was
 * deactivated since (flagged), so that the form shows it and saving keeps it.
 */
export function productStockTypeChoices({ db, currentId }: { db: Executor; currentId: string | null }) {
  return db
    .select({ id: stockTypes.id, name: stockTypes.name, active: stockTypes.active })
    .from(stockTypes)
    .where(currentId ? or(eq(stockTypes.active, true), eq(stockTypes.id, currentId)) : eq(stockTypes.active, true))
    .orderBy(asc(stockTypes.name));
}

export async function findStockTypeForUpdate({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(stockTypes).where(eq(stockTypes.id, id)).for("update");
  return row ?? null;
}

/** Inserts one; null when the code is taken (case-insensitive). */
export async function insertStockType({ db, code, name }: { db: Executor; code: string; name: string }) {
  const [row] = await db.insert(stockTypes).values({ code, name }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateStockType({
  db,
  id,
  values,
}: {
  db: Executor;
  id: string;
  values: Partial<Pick<typeof stockTypes.$inferInsert, "name" | "active">>;
}) {
  await db.update(stockTypes).set(values).where(eq(stockTypes.id, id));
}

export async function findStockType({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(stockTypes).where(eq(stockTypes.id, id));
  return row ?? null;
}
