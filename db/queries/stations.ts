import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { stations } from "@/db/schema";

export function listStations({ db, branchId }: { db: Executor; branchId: string }) {
  return db.select().from(stations).where(eq(stations.branchId, branchId)).orderBy(asc(stations.persoStation));
}

export async function findStation({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(stations).where(eq(stations.id, id)).limit(1);
  return row ?? null;
}

/** Makes one station its branch's default; the partial unique index keeps it to one. */
export async function setDefaultStation({ db, id, branchId }: { db: Executor; id: string; branchId: string }) {
  await db
    .update(stations)
    .set({ isDefault: false, updatedAt: sql`now()` })
    .where(and(eq(stations.branchId, branchId), eq(stations.isDefault, true)));
  const [row] = await db
    .update(stations)
    .set({ isDefault: true, updatedAt: sql`now()` })
    .where(and(eq(stations.id, id), eq(stations.branchId, branchId)))
    .returning();
  return row ?? null;
}
