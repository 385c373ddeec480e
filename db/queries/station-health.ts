// Each station's health from its recent jobs, in one round trip: last success, its latest failed
// card, when the manager last cleared it, queue depth (jobs not yet final) and its blank cards per
// stock type (the ledger's sums, from the per-station index); for the manager also whether it was
// ever used, median time to card and the last hour's exceptions. D1 publishes no station health
// (d1-api.md §12), so the jobs are the source; lib/stations/health.ts reads these facts into plain
// words and "likely unavailable". The teller's picker asks for its part only (stationPicks):
// it is refetched at every card that starts or ends and every stock change of the branch.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { FAILED_STATES, type JobState } from "@/lib/vocabulary";
import { JOB_USES_STATION } from "./stations";

/** What a failed card kept: the state, our error code and D1's own text. */
export type StationFailure = { state: JobState; errorCode: string | null; errorMessage: string | null };

export type TestPrint = {
  jobId: string;
  state: JobState;
  errorCode: string | null;
  errorMessage: string | null;
  at: string;
};

export type StationStockRow = { stockTypeId: string; name: string; balance: number };

/** What the teller's station picker and retry list need of a station. */
export type StationPickRow = {
  id: string;
  persoStation: string;
  label: string;
  location: string;
  enabled: boolean;
  isDefault: boolean;
  /** When the manager last enabled it (a problem before that counts as solved). */
  clearedAt: string | null;
  lastSuccessAt: string | null;
  /** The latest failed card at this station, if any. */
  lastFailure: (StationFailure & { at: string }) | null;
  queueDepth: number;
  /** Below this many blank cards the teller is warned. */
  lowStockThreshold: number;
  /** Blank cards at the station per stock type ever loaded there (the ledger's sums). */
  stock: StationStockRow[];
};

export type StationHealthRow = StationPickRow & {
  /** When a test card proved it works; null: registered, not yet verified (stays disabled). */
  verifiedAt: string | null;
  /** Ever sent a card or held stock: such a station is kept for the record, never deleted. */
  everUsed: boolean;
  /** Median seconds from request to card over the last 24 hours; null without cards. */
  medianSeconds: number | null;
  cardsLast24h: number;
  /** The last hour's failed cards, by state, code and D1's text. */
  exceptions: Array<StationFailure & { count: number }>;
  /** The station's latest test card (lib/actions/manager/print-test-card.ts), if one was sent. */
  testPrint: TestPrint | null;
};

const failed = sql.join(
  FAILED_STATES.map((s) => sql`${s}`),
  sql`, `,
);

/** The columns both reads share, for `stations s`; jobs of the viewer's kind only (training or real). */
const pickColumns = (training: boolean) => sql`
  s.id, s.perso_station as "persoStation", s.label, s.location, s.enabled, s.is_default as "isDefault",
  s.cleared_at as "clearedAt",
  (select max(j.completed_at) from issuance_jobs j
    where j.station_id = s.id and j.state in ('done', 'handed_over') and j.training = ${training}) as "lastSuccessAt",
  (select count(*)::int from issuance_jobs j
    where j.station_id = s.id and j.completed_at is null and j.training = ${training}) as "queueDepth",
  (select jsonb_build_object('state', j.state, 'errorCode', j.error_code, 'errorMessage', j.error_message,
                             'at', j.completed_at)
     from issuance_jobs j
    where j.station_id = s.id and j.state in (${failed}) and j.completed_at is not null and j.training = ${training}
    order by j.completed_at desc limit 1) as "lastFailure",
  s.low_stock_threshold as "lowStockThreshold",
  -- Station rows only carry a station id (a check on the ledger): an index-only sum per station.
  coalesce((
    select jsonb_agg(jsonb_build_object('stockTypeId', b.stock_type_id, 'name', t.name, 'balance', b.balance)
                     order by t.name)
    from (
      select l.stock_type_id, sum(l.quantity)::int as balance
      from stock_ledger l
      where l.station_id = s.id
      group by 1
    ) b join stock_types t on t.id = b.stock_type_id
  ), '[]'::jsonb) as "stock"`;

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
function readPick<R extends StationPickRow>(r: R): R {
  return {
    ...r,
    clearedAt: iso(r.clearedAt),
    lastSuccessAt: iso(r.lastSuccessAt),
    lastFailure: r.lastFailure ? { ...r.lastFailure, at: iso(r.lastFailure.at)! } : null,
  };
}

/** Every station of the branch with all it shows on the manager's stations page. */
export async function stationHealth({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}): Promise<StationHealthRow[]> {
  const { rows } = await db.execute<StationHealthRow>(sql`
    select ${pickColumns(training)}, s.verified_at as "verifiedAt",
      -- The delete's own rule: a real card other than a failed test card makes the station used.
      (exists (select 1 from issuance_jobs j where j.station_id = s.id and ${JOB_USES_STATION})
        or exists (select 1 from stock_ledger l where l.station_id = s.id)
        or exists (select 1 from stock_counts c where c.branch_id = s.branch_id and c.station_id = s.id)) as "everUsed",
      recent.median as "medianSeconds",
      coalesce(recent.cards, 0)::int as "cardsLast24h",
      coalesce((
        select jsonb_agg(jsonb_build_object('state', state, 'errorCode', error_code, 'errorMessage', error_message,
                                            'count', n))
        from (
          select j.state, j.error_code, j.error_message, count(*)::int as n
          from issuance_jobs j
          where j.station_id = s.id and j.state in (${failed}) and j.completed_at > now() - interval '1 hour'
            and j.training = ${training}
          group by 1, 2, 3
        ) e
      ), '[]'::jsonb) as "exceptions",
      (select jsonb_build_object('jobId', j.id, 'state', j.state, 'errorCode', j.error_code,
                                 'errorMessage', j.error_message, 'at', j.created_at)
         from issuance_jobs j
        where j.station_id = s.id and j.purpose = 'station_test' and j.training = ${training}
        order by j.created_at desc limit 1) as "testPrint"
    from stations s
    left join lateral (
      select count(*) as cards,
        percentile_cont(0.5) within group (order by extract(epoch from j.completed_at - j.created_at)) as median
      from issuance_jobs j
      where j.station_id = s.id and j.state in ('done', 'handed_over') and j.created_at > now() - interval '24 hours'
        and j.training = ${training}
    ) recent on true
    where s.branch_id = ${branchId}
    order by s.is_default desc, s.perso_station`);
  return rows.map((r) => ({
    ...readPick(r),
    verifiedAt: iso(r.verifiedAt),
    testPrint: r.testPrint ? { ...r.testPrint, at: iso(r.testPrint.at)! } : null,
    medianSeconds: r.medianSeconds === null ? null : Number(r.medianSeconds),
  }));
}

/**
 * The branch's enabled stations as the teller's picker shows them, in one round trip: the shared
 * facts, and the earliest day (in the branch's zone) before today whose end-of-day difference
 * there is unexplained (the same rule as db/queries/stock-count-history.ts unbalancedStations).
 */
export async function stationPicks({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}): Promise<Array<StationPickRow & { unbalancedSince: string | null }>> {
  const { rows } = await db.execute<StationPickRow & { unbalancedSince: string | null }>(sql`
    select ${pickColumns(training)},
      -- A training card uses no blank card: a difference does not hold it (docs/training.md).
      (select min(c.business_date)::text from stock_counts c
        where not ${training} and c.branch_id = s.branch_id and c.station_id = s.id and c.place = 'station'
          and c.business_date < (now() at time zone b.timezone)::date
          and c.counted <> c.expected and c.explanation is null) as "unbalancedSince"
    from stations s join branches b on b.id = s.branch_id
    where s.branch_id = ${branchId} and s.enabled
    order by s.is_default desc, s.perso_station`);
  return rows.map(readPick);
}
