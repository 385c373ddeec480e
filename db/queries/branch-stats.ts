// The branch board's numbers: per day of the last 7 (in the branch's time zone), the week and
// today — cards issued, exceptions by reason, median and p90 time to card — in one query.
// Customers' cards only: a new station's test card shows on its station's row, not here.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { FAILED_STATES, type JobState } from "@/lib/vocabulary";

export type PeriodStats = {
  issued: number;
  exceptions: number;
  /** Of the exceptions, those neither retried, moved nor canceled (lib/issuance/outcome.ts needsAction). */
  needsAction: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};
export type DayStats = PeriodStats & { day: string };
/** Exceptions with the same facts; lib/board.ts puts them in plain words (lib/issuance/station-problems.ts). */
export type RawReason = { state: JobState; errorCode: string | null; errorMessage: string | null; count: number };
export type BranchStats = {
  days: DayStats[];
  today: PeriodStats & { byReason: RawReason[] };
  week: PeriodStats & { byReason: RawReason[] };
};

type Row = {
  g_day: number;
  g_reason: number;
  day: string | null;
  state: JobState | null;
  error_code: string | null;
  error_message: string | null;
  issued: number;
  exceptions: number;
  needs_action: number;
  median: number | null;
  p90: number | null;
  today: string;
};

const failed = sql.join(
  FAILED_STATES.map((s) => sql`${s}`),
  sql`, `,
);
const num = (v: number | string | null) => (v === null ? null : Number(v));

export async function branchStats({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}): Promise<BranchStats> {
  // Jobs count on the day they finished; `day` is that date in the branch's own time zone.
  const { rows } = await db.execute<Row>(sql`
    with b as (
      select timezone as tz, (now() at time zone timezone)::date as today from branches where id = ${branchId}
    ), j as (
      select j.state, j.error_code, j.error_message,
        j.canceled_at is null and not exists (select 1 from issuance_jobs r where r.retry_of_job_id = j.id) as open,
        (j.completed_at at time zone b.tz)::date as day,
        extract(epoch from j.completed_at - j.created_at) as secs
      from issuance_jobs j, b
      where j.branch_id = ${branchId} and j.completed_at is not null and j.purpose = 'customer'
        and j.training = ${training}
        and j.completed_at >= ((b.today - 6)::timestamp at time zone b.tz)
    )
    select grouping(day) as g_day, grouping(state, error_code, error_message) as g_reason, day::text as day,
      state, error_code, error_message,
      count(*) filter (where state in ('done', 'handed_over'))::int as issued,
      count(*) filter (where state in (${failed}))::int as exceptions,
      count(*) filter (where state in (${failed}) and open)::int as needs_action,
      percentile_cont(0.5) within group (order by secs) filter (where state in ('done', 'handed_over')) as median,
      percentile_cont(0.9) within group (order by secs) filter (where state in ('done', 'handed_over')) as p90,
      (select today::text from b) as today
    from j
    group by grouping sets ((day), (), (day, state, error_code, error_message), (state, error_code, error_message))`);
  // The grand-total grouping set always yields a row, so `today` is there even without jobs.
  return shape(rows, rows[0]?.today ?? new Date().toISOString().slice(0, 10));
}

const empty = (): PeriodStats => ({ issued: 0, exceptions: 0, needsAction: 0, medianSeconds: null, p90Seconds: null });
const period = (r: Row): PeriodStats => ({
  issued: r.issued,
  exceptions: r.exceptions,
  needsAction: r.needs_action,
  medianSeconds: num(r.median),
  p90Seconds: num(r.p90),
});

function shape(rows: Row[], today: string): BranchStats {
  const days: DayStats[] = [];
  for (let i = 6; i >= 0; i--) {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - i);
    days.push({ day: d.toISOString().slice(0, 10), ...empty() });
  }
  const out: BranchStats = { days, today: { ...empty(), byReason: [] }, week: { ...empty(), byReason: [] } };
  for (const r of rows) {
    const isDay = Number(r.g_day) === 0;
    const isReason = Number(r.g_reason) === 0;
    if (isDay && !isReason) {
      const slot = days.find((d) => d.day === r.day);
      if (slot) Object.assign(slot, period(r));
      if (r.day === today) Object.assign(out.today, period(r));
    } else if (!isDay && !isReason) {
      Object.assign(out.week, period(r));
    } else if (r.exceptions > 0 && r.state) {
      const entry = { state: r.state, errorCode: r.error_code, errorMessage: r.error_message, count: r.exceptions };
      if (!isDay) out.week.byReason.push(entry);
      else if (r.day === today) out.today.byReason.push(entry);
    }
  }
  return out;
}
