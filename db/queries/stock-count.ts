// The end-of-day count's numbers, all from the stock ledger: each place's balance for one business
// day of the branch (its own time zone), split by movement so the screen can show how the expected
// figure comes about, and the stored counts with the names of the people behind them.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { stockCounts, stockLedger, type StockCount } from "@/db/schema";
import { STOCK_MOVEMENTS, type StockMovement, type StockPlace } from "@/lib/vocabulary";
import { samePlace, type PlaceKey } from "./stock";

/** The movements of a day at one place, signed as in the ledger (out of a place is negative). */
export type DayMovements = Record<StockMovement, number>;

export type PlaceBalance = {
  stockTypeId: string;
  stockTypeName: string;
  place: StockPlace;
  stationId: string | null;
  stationLabel: string | null;
  /** Every row before the day's start. */
  opening: number;
  movements: DayMovements;
  /** opening + the day's movements (up to the cut-off). */
  expected: number;
};

type Row = Omit<PlaceBalance, "movements"> & DayMovements;

const dayOf = (at: ReturnType<typeof sql>) => sql`(${at} at time zone b.timezone)::date`;

/**
 * One column per movement (named after it): the day's sum of that movement over the ledger rows
 * `l` for which `ofTheDay` holds. Shared with the count history (stock-count-history.ts).
 */
export const movementColumns = (ofTheDay: SQL) =>
  sql.join(
    STOCK_MOVEMENTS.map(
      (m) =>
        sql`coalesce(sum(l.quantity) filter (where l.movement = ${m} and ${ofTheDay}), 0)::int as ${sql.raw(`"${m}"`)}`,
    ),
    sql`, `,
  );

/** A row's movement columns gathered into `movements`. */
export function withMovements<T extends DayMovements>({
  received,
  loaded,
  produced,
  spoiled,
  destroyed,
  corrected,
  ...rest
}: T): Omit<T, StockMovement> & { movements: DayMovements } {
  return { ...rest, movements: { received, loaded, produced, spoiled, destroyed, corrected } };
}

/**
 * Each place's balance for `businessDate` (YYYY-MM-DD, a day of the branch's zone): rows of
 * earlier days are the opening balance, rows of that day up to `until` (now, unless given) are
 * the movements. Places that never held stock of a type are left out. Vault first, then the
 * stations by label, then the spoiled cards.
 */
export async function placeBalances({
  db,
  branchId,
  businessDate,
  until,
}: {
  db: Executor;
  branchId: string;
  businessDate: string;
  until?: Date;
}): Promise<PlaceBalance[]> {
  const cutoff = sql`coalesce(${until?.toISOString() ?? null}::timestamptz, now())`;
  const { rows } = await db.execute<Row>(sql`
    select l.stock_type_id as "stockTypeId", t.name as "stockTypeName", l.place, l.station_id as "stationId",
      s.label as "stationLabel",
      coalesce(sum(l.quantity) filter (where ${dayOf(sql`l.at`)} < ${businessDate}::date), 0)::int as opening,
      ${movementColumns(sql`${dayOf(sql`l.at`)} = ${businessDate}::date`)},
      sum(l.quantity)::int as expected
    from stock_ledger l
    join branches b on b.id = l.branch_id
    join stock_types t on t.id = l.stock_type_id
    left join stations s on s.id = l.station_id
    where l.branch_id = ${branchId} and ${dayOf(sql`l.at`)} <= ${businessDate}::date and l.at <= ${cutoff}
    group by l.stock_type_id, t.name, l.place, l.station_id, s.label
    order by case l.place when 'vault' then 0 when 'station' then 1 else 2 end, s.label, t.name`);
  return rows.map(withMovements);
}

/** Whether stock moved at the place since `since` (a late count of yesterday would miss it). */
export async function movedSince({ db, since, ...key }: PlaceKey & { db: Executor; since: Date }): Promise<boolean> {
  const [row] = await db
    .select({ id: stockLedger.id })
    .from(stockLedger)
    .where(and(samePlace(key), sql`${stockLedger.at} >= ${since.toISOString()}::timestamptz`))
    .limit(1);
  return Boolean(row);
}

/** The count of a place for a day, if there is one. */
export async function findCount({
  db,
  businessDate,
  ...key
}: PlaceKey & { db: Executor; businessDate: string }): Promise<StockCount | null> {
  const [row] = await db
    .select()
    .from(stockCounts)
    .where(
      and(
        eq(stockCounts.branchId, key.branchId),
        eq(stockCounts.stockTypeId, key.stockTypeId),
        eq(stockCounts.place, key.place),
        key.stationId ? eq(stockCounts.stationId, key.stationId) : sql`${stockCounts.stationId} is null`,
        eq(stockCounts.businessDate, businessDate),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertCount({ db, count }: { db: Executor; count: typeof stockCounts.$inferInsert }) {
  const [row] = await db.insert(stockCounts).values(count).returning();
  return row!;
}

/** Locks a count for its explanation; null when there is none. */
export async function findCountForUpdate({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(stockCounts).where(eq(stockCounts.id, id)).for("update").limit(1);
  return row ?? null;
}

export async function setExplanation({
  db,
  id,
  explanation,
  explainedBy,
}: {
  db: Executor;
  id: string;
  explanation: string;
  explainedBy: string;
}) {
  await db
    .update(stockCounts)
    .set({ explanation, explainedBy, explainedAt: sql`now()` })
    .where(eq(stockCounts.id, id));
}
