// Each station's health from its recent jobs, in one round trip: last success, its latest failed
// card, when the manager last cleared it, queue depth (jobs not yet final), median time to card,
// the last hour's exceptions, and its blank cards per stock type (the ledger's sums). D1
// publishes no station health (d1-api.md §12), so the jobs are the source; lib/stations/health.ts
// reads these facts into plain words and "likely unavailable".
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { FAILED_STATES, type JobState } from "@/lib/vocabulary";

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

export type StationHealthRow = {
  id: string;
  persoStation: string;
  label: string;
  location: string;
  enabled: boolean;
  isDefault: boolean;
  /** When the manager last enabled it (a problem before that counts as solved). */
  clearedAt: string | null;
  /** When a test card proved it works; null: registered, not yet verified (stays disabled). */
  verifiedAt: string | null;
  /** Ever sent a card or held stock: such a station is kept for the record, never deleted. */
  everUsed: boolean;
  lastSuccessAt: string | null;
  /** The latest failed card at this station, if any. */
  lastFailure: (StationFailure & { at: string }) | null;
  queueDepth: number;
  /** Median seconds from request to card over the last 24 hours; null without cards. */
  medianSeconds: number | null;
  cardsLast24h: number;
  /** The last hour's failed cards, by state, code and D1's text. */
  exceptions: Array<StationFailure & { count: number }>;
  /** Below this many blank cards the teller is warned. */
  lowStockThreshold: number;
  /** The station's latest test card (lib/actions/manager/print-test-card.ts), if one was sent. */
  testPrint: TestPrint | null;
  /** Blank cards at the station per stock type ever loaded there (the ledger's sums). */
  stock: StationStockRow[];
};

const failed = sql.join(
  FAILED_STATES.map((s) => sql`${s}`),
  sql`, `,
);

export async function stationHealth({ db, branchId }: { db: Executor; branchId: string }): Promise<StationHealthRow[]> {
  const { rows } = await db.execute<StationHealthRow>(sql`
    select s.id, s.perso_station as "persoStation", s.label, s.location, s.enabled, s.is_default as "isDefault",
      s.cleared_at as "clearedAt", s.verified_at as "verifiedAt",
      (exists (select 1 from issuance_jobs j where j.station_id = s.id
                and not (j.purpose = 'station_test' and j.state in ('data_exception', 'submission_failed', 'canceled')))
        or exists (select 1 from stock_ledger l where l.station_id = s.id)
        or exists (select 1 from stock_counts c where c.station_id = s.id)) as "everUsed",
      (select max(j.completed_at) from issuance_jobs j
        where j.station_id = s.id and j.state in ('done', 'handed_over')) as "lastSuccessAt",
      (select count(*)::int from issuance_jobs j where j.station_id = s.id and j.completed_at is null) as "queueDepth",
      (select jsonb_build_object('state', j.state, 'errorCode', j.error_code, 'errorMessage', j.error_message,
                                 'at', j.completed_at)
         from issuance_jobs j
        where j.station_id = s.id and j.state in (${failed}) and j.completed_at is not null
        order by j.completed_at desc limit 1) as "lastFailure",
      recent.median as "medianSeconds",
      coalesce(recent.cards, 0)::int as "cardsLast24h",
      coalesce((
        select jsonb_agg(jsonb_build_object('state', state, 'errorCode', error_code, 'errorMessage', error_message,
                                            'count', n))
        from (
          select j.state, j.error_code, j.error_message, count(*)::int as n
          from issuance_jobs j
          where j.station_id = s.id and j.state in (${failed}) and j.completed_at > now() - interval '1 hour'
          group by 1, 2, 3
        ) e
      ), '[]'::jsonb) as "exceptions",
      s.low_stock_threshold as "lowStockThreshold",
      (select jsonb_build_object('jobId', j.id, 'state', j.state, 'errorCode', j.error_code,
                                 'errorMessage', j.error_message, 'at', j.created_at)
         from issuance_jobs j
        where j.station_id = s.id and j.purpose = 'station_test'
        order by j.created_at desc limit 1) as "testPrint",
      coalesce((
        select jsonb_agg(jsonb_build_object('stockTypeId', b.stock_type_id, 'name', t.name, 'balance', b.balance)
                         order by t.name)
        from (
          select l.stock_type_id, sum(l.quantity)::int as balance
          from stock_ledger l
          where l.branch_id = s.branch_id and l.station_id = s.id and l.place = 'station'
          group by 1
        ) b join stock_types t on t.id = b.stock_type_id
      ), '[]'::jsonb) as "stock"
    from stations s
    left join lateral (
      select count(*) as cards,
        percentile_cont(0.5) within group (order by extract(epoch from j.completed_at - j.created_at)) as median
      from issuance_jobs j
      where j.station_id = s.id and j.state in ('done', 'handed_over') and j.created_at > now() - interval '24 hours'
    ) recent on true
    where s.branch_id = ${branchId}
    order by s.is_default desc, s.perso_station`);
  const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
  return rows.map((r) => ({
    ...r,
    clearedAt: iso(r.clearedAt),
    verifiedAt: iso(r.verifiedAt),
    lastSuccessAt: iso(r.lastSuccessAt),
    lastFailure: r.lastFailure ? { ...r.lastFailure, at: iso(r.lastFailure.at)! } : null,
    testPrint: r.testPrint ? { ...r.testPrint, at: iso(r.testPrint.at)! } : null,
    medianSeconds: r.medianSeconds === null ? null : Number(r.medianSeconds),
  }));
}
