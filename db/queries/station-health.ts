// Each station's health from its recent jobs, in one round trip: last success, exceptions in
// the last hour by reason, queue depth (jobs not yet final) and median time to card.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { FAILED_STATES } from "@/lib/vocabulary";

export type ExceptionCount = { reason: string; count: number };

export type StationHealth = {
  id: string;
  persoStation: string;
  label: string;
  location: string;
  enabled: boolean;
  isDefault: boolean;
  lastSuccessAt: string | null;
  queueDepth: number;
  /** Median seconds from request to card over the last 24 hours; null without cards. */
  medianSeconds: number | null;
  cardsLast24h: number;
  exceptionsLastHour: ExceptionCount[];
};

const failed = sql.join(
  FAILED_STATES.map((s) => sql`${s}`),
  sql`, `,
);

export async function stationHealth({ db, branchId }: { db: Executor; branchId: string }): Promise<StationHealth[]> {
  const { rows } = await db.execute<StationHealth>(sql`
    select s.id, s.perso_station as "persoStation", s.label, s.location, s.enabled, s.is_default as "isDefault",
      (select max(j.completed_at) from issuance_jobs j where j.station_id = s.id and j.state in ('done', 'handed_over')) as "lastSuccessAt",
      (select count(*)::int from issuance_jobs j where j.station_id = s.id and j.completed_at is null) as "queueDepth",
      recent.median as "medianSeconds",
      coalesce(recent.cards, 0)::int as "cardsLast24h",
      coalesce((
        select jsonb_agg(jsonb_build_object('reason', reason, 'count', n) order by n desc, reason)
        from (
          select coalesce(j.error_code, j.state) as reason, count(*)::int as n
          from issuance_jobs j
          where j.station_id = s.id and j.state in (${failed}) and j.completed_at > now() - interval '1 hour'
          group by 1
        ) e
      ), '[]'::jsonb) as "exceptionsLastHour"
    from stations s
    left join lateral (
      select count(*) as cards,
        percentile_cont(0.5) within group (order by extract(epoch from j.completed_at - j.created_at)) as median
      from issuance_jobs j
      where j.station_id = s.id and j.state in ('done', 'handed_over') and j.created_at > now() - interval '24 hours'
    ) recent on true
    where s.branch_id = ${branchId}
    order by s.is_default desc, s.perso_station`);
  return rows.map((r) => ({
    ...r,
    lastSuccessAt: r.lastSuccessAt ? new Date(r.lastSuccessAt).toISOString() : null,
    medianSeconds: r.medianSeconds === null ? null : Number(r.medianSeconds),
  }));
}
