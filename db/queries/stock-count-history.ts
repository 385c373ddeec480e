// Past end-of-day counts as the manager and the auditor read them: the day's breakdown recomputed
// from the ledger up to the moment of the count (so it adds up to the expected figure the two
// people saw), the counted figure, both names and the explanation of a difference.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { StockPlace } from "@/lib/vocabulary";
import { movementColumns, withMovements, type DayMovements } from "./stock-count";

export type CountRecord = {
  id: string;
  businessDate: string;
  stockTypeId: string;
  stockTypeName: string;
  place: StockPlace;
  stationId: string | null;
  stationLabel: string | null;
  opening: number;
  movements: DayMovements;
  expected: number;
  counted: number;
  countedBy: string;
  confirmedBy: string;
  at: string;
  explanation: string | null;
  explainedBy: string | null;
  explainedAt: string | null;
};

type Row = Omit<CountRecord, "movements" | "at" | "explainedAt"> &
  DayMovements & { at: Date | string; explainedAt: Date | string | null };

const iso = (v: Date | string) => new Date(v).toISOString();
const day = sql`(l.at at time zone b.timezone)::date`;

function toRecord(row: Row): CountRecord {
  const r = withMovements(row);
  return { ...r, at: iso(r.at), explainedAt: r.explainedAt ? iso(r.explainedAt) : null };
}

/**
 * The branch's counts, newest day first. `from`/`to` (inclusive days) narrow it; `unexplained`
 * keeps only differences still waiting for a manager's explanation; `beforeDate` only days
 * before it (what blocks a station: a difference of an earlier day).
 */
export async function listCounts({
  db,
  branchId,
  from,
  to,
  unexplained,
  beforeDate,
  stationId,
  limit = 500,
}: {
  db: Executor;
  branchId: string;
  from?: string;
  to?: string;
  unexplained?: boolean;
  beforeDate?: string;
  stationId?: string;
  limit?: number;
}): Promise<CountRecord[]> {
  const { rows } = await db.execute<Row>(sql`
    select c.id, c.business_date::text as "businessDate", c.stock_type_id as "stockTypeId", t.name as "stockTypeName",
      c.place,
      c.station_id as "stationId", s.label as "stationLabel",
      x.opening, x.received, x.loaded, x.produced, x.spoiled, x.destroyed, x.corrected,
      c.expected, c.counted, cu.name as "countedBy", co.name as "confirmedBy", c.at,
      c.explanation, eu.name as "explainedBy", c.explained_at as "explainedAt"
    from stock_counts c
    join branches b on b.id = c.branch_id
    join stock_types t on t.id = c.stock_type_id
    join users cu on cu.id = c.counted_by
    join users co on co.id = c.confirmed_by
    left join users eu on eu.id = c.explained_by
    left join stations s on s.id = c.station_id
    cross join lateral (
      select coalesce(sum(l.quantity) filter (where ${day} < c.business_date), 0)::int as opening,
        ${movementColumns(sql`${day} = c.business_date`)}
      from stock_ledger l
      where l.branch_id = c.branch_id and l.stock_type_id = c.stock_type_id and l.place = c.place
        and l.station_id is not distinct from c.station_id and l.at <= c.at and ${day} <= c.business_date
    ) x
    where c.branch_id = ${branchId}
      ${from ? sql`and c.business_date >= ${from}::date` : sql``}
      ${to ? sql`and c.business_date <= ${to}::date` : sql``}
      ${beforeDate ? sql`and c.business_date < ${beforeDate}::date` : sql``}
      ${stationId ? sql`and c.station_id = ${stationId}` : sql``}
      ${unexplained ? sql`and c.counted <> c.expected and c.explanation is null` : sql``}
    order by c.business_date desc, case c.place when 'vault' then 0 when 'station' then 1 else 2 end,
      s.label, t.name
    limit ${limit}`);
  return rows.map(toRecord);
}

/**
 * Stations of the branch with a difference of a day before `today` that no manager has explained
 * yet, with the earliest such day: no card goes to them until it is explained.
 */
export async function unbalancedStations({
  db,
  branchId,
  today,
}: {
  db: Executor;
  branchId: string;
  today: string;
}): Promise<Array<{ stationId: string; businessDate: string; stockTypeName: string }>> {
  const { rows } = await db.execute<{ stationId: string; businessDate: string; stockTypeName: string }>(sql`
    select distinct on (c.station_id) c.station_id as "stationId", c.business_date::text as "businessDate",
      t.name as "stockTypeName"
    from stock_counts c join stock_types t on t.id = c.stock_type_id
    where c.branch_id = ${branchId} and c.place = 'station' and c.business_date < ${today}::date
      and c.counted <> c.expected and c.explanation is null
    order by c.station_id, c.business_date`);
  return rows;
}
