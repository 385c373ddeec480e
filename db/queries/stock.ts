// The card stock ledger: rows are only ever inserted (a trigger refuses UPDATE and DELETE), and a
// balance is the sum of the rows at a place. The rules (who may move what, dual control) live in
// lib/stock/; these are the reads and the inserts.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { stations, stockLedger, stockTypes, users } from "@/db/schema";
import type { SpoilReason, StockMovement, StockPlace } from "@/lib/vocabulary";

export type NewStockRow = typeof stockLedger.$inferInsert;

/** One balance: a place (a station's id when place = station) and a stock type. */
export type StockBalance = {
  stockTypeId: string;
  stockTypeName: string;
  place: StockPlace;
  stationId: string | null;
  balance: number;
};

/**
 * Serialises every movement of one stock type at one branch until the transaction ends, so that
 * "is there enough in the vault?" and the insert that takes it are one step (two loads at once
 * cannot both take the last cards).
 */
export async function lockStock({
  db,
  branchId,
  stockTypeId,
}: {
  db: Executor;
  branchId: string;
  stockTypeId: string;
}) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`stock:${branchId}:${stockTypeId}`}, 0))`);
}

/** One place of the ledger: a branch's vault, spoiled pile, or one station, for one stock type. */
export type PlaceKey = { branchId: string; stockTypeId: string; place: StockPlace; stationId: string | null };

/** The ledger rows of one place (a station's rows carry its id; the vault's and spoiled's none). */
export const samePlace = (k: PlaceKey) =>
  and(
    eq(stockLedger.branchId, k.branchId),
    eq(stockLedger.stockTypeId, k.stockTypeId),
    eq(stockLedger.place, k.place),
    k.stationId ? eq(stockLedger.stationId, k.stationId) : sql`${stockLedger.stationId} is null`,
  );

/** The balance of one place, summed from the ledger. */
export async function placeBalance({
  db,
  stationId = null,
  ...key
}: Omit<PlaceKey, "stationId"> & { db: Executor; stationId?: string | null }): Promise<number> {
  const [row] = await db
    .select({ balance: sql<number>`coalesce(sum(${stockLedger.quantity}), 0)::int` })
    .from(stockLedger)
    .where(samePlace({ ...key, stationId }));
  return row?.balance ?? 0;
}

/** Every balance of the branch (vault, each station, spoiled), per stock type. */
export async function branchBalances({ db, branchId }: { db: Executor; branchId: string }): Promise<StockBalance[]> {
  return db
    .select({
      stockTypeId: stockLedger.stockTypeId,
      stockTypeName: stockTypes.name,
      place: stockLedger.place,
      stationId: stockLedger.stationId,
      balance: sql<number>`sum(${stockLedger.quantity})::int`,
    })
    .from(stockLedger)
    .innerJoin(stockTypes, eq(stockTypes.id, stockLedger.stockTypeId))
    .where(eq(stockLedger.branchId, branchId))
    .groupBy(stockLedger.stockTypeId, stockTypes.name, stockLedger.place, stockLedger.stationId)
    .orderBy(stockTypes.name);
}

export async function insertStockRows({ db, rows }: { db: Executor; rows: NewStockRow[] }) {
  return db.insert(stockLedger).values(rows).returning();
}

export type LedgerEntry = {
  id: number;
  at: Date;
  stockType: string;
  place: StockPlace;
  station: string | null;
  movement: StockMovement;
  quantity: number;
  lot: string | null;
  supplierRef: string | null;
  spoilReason: SpoilReason | null;
  jobId: string | null;
  by: string | null;
  secondBy: string | null;
};

const second = sql`(select u2.name from users u2 where u2.id = ${stockLedger.secondActorId})`;

/** The branch's ledger, newest first, in pages (keyset on the row id, which only grows). */
export async function listLedger({
  db,
  branchId,
  before,
  limit = 100,
}: {
  db: Executor;
  branchId: string;
  before?: number;
  limit?: number;
}): Promise<LedgerEntry[]> {
  return db
    .select({
      id: stockLedger.id,
      at: stockLedger.at,
      stockType: stockTypes.name,
      place: stockLedger.place,
      station: stations.label,
      movement: stockLedger.movement,
      quantity: stockLedger.quantity,
      lot: stockLedger.lot,
      supplierRef: stockLedger.supplierRef,
      spoilReason: stockLedger.spoilReason,
      jobId: stockLedger.jobId,
      by: users.name,
      secondBy: sql<string | null>`${second}`,
    })
    .from(stockLedger)
    .innerJoin(stockTypes, eq(stockTypes.id, stockLedger.stockTypeId))
    .leftJoin(stations, eq(stations.id, stockLedger.stationId))
    .leftJoin(users, eq(users.id, stockLedger.actorId))
    .where(and(eq(stockLedger.branchId, branchId), before === undefined ? undefined : lt(stockLedger.id, before)))
    .orderBy(desc(stockLedger.id))
    .limit(limit);
}

/** The job's stock type and station, for spoiling its card. */
export async function jobStock({ db, jobId }: { db: Executor; jobId: string }) {
  const { rows } = await db.execute<{
    branchId: string;
    stationId: string;
    stockTypeId: string | null;
    state: string;
    destroyIfProduced: boolean;
    training: boolean;
  }>(sql`
    select j.branch_id as "branchId", j.station_id as "stationId", p.stock_type_id as "stockTypeId",
           j.state, j.destroy_if_produced as "destroyIfProduced", j.training
    from issuance_jobs j join card_products p on p.id = j.product_id
    where j.id = ${jobId}
    for update of j`);
  return rows[0] ?? null;
}

/**
 * A produced card taken out of circulation: it may never be handed over (the hand-over and the
 * "not handed over" list skip cards to destroy). The card was never activated, so it stays inactive.
 */
export async function markCardSpoiled({ db, jobId }: { db: Executor; jobId: string }) {
  const { rowCount } = await db.execute(sql`
    update issuance_jobs set destroy_if_produced = true, updated_at = now()
    where id = ${jobId} and state = 'done' and not destroy_if_produced`);
  return (rowCount ?? 0) > 0;
}

export async function setLowStockThreshold({
  db,
  stationId,
  threshold,
}: {
  db: Executor;
  stationId: string;
  threshold: number;
}) {
  await db
    .update(stations)
    .set({ lowStockThreshold: threshold, updatedAt: sql`now()` })
    .where(eq(stations.id, stationId));
}

export type LowStockStation = {
  stationId: string;
  station: string;
  stockTypeId: string;
  stockType: string;
  balance: number;
  threshold: number;
};

/**
 * Enabled stations below their threshold for a stock the branch's active products print on, the
 * emptiest first: what the board warns about.
 */
export async function lowStockStations({
  db,
  branchId,
}: {
  db: Executor;
  branchId: string;
}): Promise<LowStockStation[]> {
  const { rows } = await db.execute<LowStockStation>(sql`
    select s.id as "stationId", s.label as station, t.id as "stockTypeId", t.name as "stockType",
           coalesce(sum(l.quantity), 0)::int as balance, s.low_stock_threshold as threshold
    from stations s
    cross join (
      select distinct p.stock_type_id from card_products p
      join product_branches pb on pb.product_id = p.id
      where pb.branch_id = ${branchId} and p.active and p.stock_type_id is not null
    ) used
    join stock_types t on t.id = used.stock_type_id
    left join stock_ledger l on l.station_id = s.id and l.place = 'station' and l.stock_type_id = used.stock_type_id
    where s.branch_id = ${branchId} and s.enabled
    group by s.id, s.label, t.id, t.name, s.low_stock_threshold
    having coalesce(sum(l.quantity), 0) < s.low_stock_threshold
    order by balance, s.label`);
  return rows;
}
