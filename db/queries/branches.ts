import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { branches } from "@/db/schema";

export async function findBranch({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(branches).where(eq(branches.id, id)).limit(1);
  return row ?? null;
}

export function listBranches({ db }: { db: Executor }) {
  return db.select().from(branches).orderBy(asc(branches.code));
}

export async function insertBranch({
  db,
  values,
}: {
  db: Executor;
  values: {
    code: string;
    name: string;
    address: string;
    timezone: string;
    closesAt: string;
    stationIdPattern: string;
  };
}) {
  const [row] = await db.insert(branches).values(values).returning();
  if (!row) throw new Error("branch insert returned nothing");
  return row;
}

export async function branchCodeTaken({ db, code }: { db: Executor; code: string }) {
  const rows = await db.select({ id: branches.id }).from(branches).where(eq(branches.code, code)).limit(1);
  return rows.length > 0;
}

export async function findBranchForUpdate({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(branches).where(eq(branches.id, id)).for("update").limit(1);
  return row ?? null;
}

export async function updateBranch({
  db,
  id,
  values,
}: {
  db: Executor;
  id: string;
  values: { name: string; address: string; timezone: string; closesAt: string; stationIdPattern: string };
}) {
  const [row] = await db
    .update(branches)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(branches.id, id))
    .returning();
  return row ?? null;
}
