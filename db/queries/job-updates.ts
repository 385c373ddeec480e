// Applying D1 production statuses to jobs: one SQL statement per notification call, whatever
// the number of operations in it (the receiver's hot path makes one round trip).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type D1StatusUpdate = {
  cardId: string;
  operationId: string;
  d1Status: string;
  /** Our state for this D1 status, or null for a status we do not know (kept, not applied). */
  newState: string | null;
  reason?: string | null;
  errorCode?: string | null;
  error?: string | null;
  at?: string | null;
};

/** A job the updates moved: its trace context (lib/tracing links to it) and, when D1 finished
 * the card, how long it took from the teller's request (lib/metrics). */
export type ChangedJob = { cardId: string; traceparent: string | null; secondsToCard: number | null };
export type ApplyResult = { recorded: number; applied: number; unknownCards: string[]; changed?: ChangedJob[] };

/**
 * Records each update once (de-duplicated by operationId + status), moves each job to the
 * furthest new state it reached if that is forwards and the job is not final, flags a card
 * produced after a cancel at the counter, takes the card from the station's stock (or spoils it),
 * verifies a station whose test card came out, and audits every change — all in one statement, so it commits or fails as a whole.
 */
export async function applyD1StatusUpdates({
  db,
  updates,
  training = false,
}: {
  db: Executor;
  updates: D1StatusUpdate[];
  /**
   * Whose jobs these updates may move: D1's (real jobs only; a card id of a training job is never
   * sent to D1, and news about it from there is ignored) or the training simulator's (training
   * jobs only). docs/training.md.
   */
  training?: boolean;
}): Promise<ApplyResult> {
  if (updates.length === 0) return { recorded: 0, applied: 0, unknownCards: [] };
  const input = JSON.stringify(
    updates.map((u) => ({
      card_id: u.cardId,
      operation_id: u.operationId,
      d1_status: u.d1Status,
      new_state: u.newState,
      reason: u.reason ?? null,
      error_code: u.errorCode ?? null,
      error: u.error ?? null,
      at: u.at ?? null,
    })),
  );
  const { rows } = await db.execute<{
    recorded: number;
    applied: number;
    unknown_cards: string[] | null;
    changed: ChangedJob[] | null;
  }>(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as x(
        card_id text, operation_id text, d1_status text, new_state text,
        reason text, error_code text, error text, at text)
    ), matched as (
      select j.id as job_id, j.branch_id, j.state as current_state, i.*
      from input i join issuance_jobs j on j.card_id = i.card_id and j.training = ${training}
    ), ev as (
      insert into job_events (job_id, branch_id, kind, state, d1_status, operation_id, dedupe_key, detail)
      select job_id, branch_id,
             case when new_state is null then 'd1_status_unknown' else 'd1_status' end,
             coalesce(new_state, current_state), d1_status, operation_id,
             'd1:' || operation_id || ':' || d1_status,
             jsonb_strip_nulls(jsonb_build_object('reason', reason, 'errorCode', error_code, 'error', error, 'at', at))
      from matched
      on conflict (dedupe_key) do nothing
      returning job_id, kind, state, d1_status, operation_id, detail
    ), best as (
      select distinct on (job_id) * from ev
      where kind = 'd1_status'
      order by job_id, issuance_state_rank(state) desc
    ), upd as (
      -- A card D1 produced although the request was canceled at the counter (D1 could not stop
      -- it): the job stays canceled and is flagged, so the card is destroyed, never handed over.
      -- In the same statement as the forward moves, so a cancel committed while this waits for
      -- the row is seen (the WHERE is re-checked on the new row version).
      update issuance_jobs j set
        state = case when j.state = 'canceled' then j.state else b.state end,
        d1_status = b.d1_status,
        d1_operation_id = coalesce(j.d1_operation_id, b.operation_id),
        error_code = case when j.state <> 'canceled' and b.state in ('data_exception', 'production_exception')
                          then coalesce(b.detail->>'errorCode', b.d1_status) else j.error_code end,
        error_message = case when j.state <> 'canceled' and b.state in ('data_exception', 'production_exception')
                             then coalesce(b.detail->>'reason', b.detail->>'error') else j.error_message end,
        -- A produced card starts inactive; hand-over activates it (or leaves it, per product).
        card_status = case when j.state <> 'canceled' and b.state = 'done' then 'inactive' else j.card_status end,
        -- A station's test card is no customer's: it goes to the spoiled pile, never handed over.
        destroy_if_produced = j.destroy_if_produced or (b.state = 'done' and j.purpose = 'station_test'),
        produced_after_cancel_at = case when j.state = 'canceled' then now() else j.produced_after_cancel_at end,
        updated_at = now(),
        completed_at = case when issuance_state_rank(b.state) = 3 then coalesce(j.completed_at, now())
                            else j.completed_at end
      from best b
      where j.id = b.job_id
        and ((issuance_state_rank(j.state) < 3
              and issuance_state_rank(b.state) > issuance_state_rank(j.state))
          or (j.state = 'canceled' and b.state = 'done' and j.produced_after_cancel_at is null))
      returning j.id, j.branch_id, j.state, b.d1_status, j.station_id, j.product_id, j.purpose, j.training,
                (j.state = 'canceled' and j.produced_after_cancel_at is not null) as after_cancel,
                j.card_id, j.traceparent,
                -- Time to card is the customers' (a station's test card is no card request).
                case when j.state = 'done' and j.purpose = 'customer'
                     then extract(epoch from j.completed_at - j.created_at)::float8 end
                  as seconds_to_card
    ), stock as (
      -- Card stock follows the card: a produced card takes one blank from its station; a
      -- production exception (a jam) moves one from the station to the spoiled pile (two rows, one
      -- transfer id derived from the job); a card printed after a cancel, or a station's test
      -- card, is produced and goes to the spoiled pile (kept apart until destroyed). The unique index on (job, movement, place) keeps each once per job
      -- whatever D1 repeats; products without a stock type are not counted.
      insert into stock_ledger (branch_id, stock_type_id, place, station_id, movement, quantity, job_id,
                                spoil_reason, transfer_id)
      select u.branch_id, p.stock_type_id, m.place, case when m.place = 'station' then u.station_id end,
             m.movement, m.quantity, u.id, m.reason,
             case when m.movement = 'spoiled' and u.state = 'production_exception'
                  then md5('spoil:' || u.id::text)::uuid end
      from upd u
      join card_products p on p.id = u.product_id and p.stock_type_id is not null
      cross join lateral (values
        ('station', 'produced', -1, null::text, u.state = 'done' or u.after_cancel),
        ('spoiled', 'spoiled', 1, 'not_handed_over', u.after_cancel),
        ('spoiled', 'spoiled', 1, 'test_card', u.state = 'done' and u.purpose = 'station_test'),
        ('station', 'spoiled', -1, 'production_exception', u.state = 'production_exception'),
        ('spoiled', 'spoiled', 1, 'production_exception', u.state = 'production_exception')
      ) as m(place, movement, quantity, reason, applies)
      -- A training card uses no blank card: no stock row (docs/training.md).
      where m.applies and not u.training
      on conflict (job_id, movement, place) where job_id is not null do nothing
      returning 1
    ), verified as (
      -- A station's test card came out: the station is proven (it may now be enabled). Only a
      -- station not verified yet; a later test card changes nothing.
      update stations s set verified_at = now(), updated_at = now()
      from upd u
      where u.purpose = 'station_test' and u.state = 'done' and s.id = u.station_id and s.verified_at is null
        and not u.training
      returning s.id, s.branch_id, s.verified_at
    ), verified_audit as (
      insert into audit_log (actor_role, branch_id, action, entity_type, entity_id, before, after)
      select 'd1', branch_id, 'station.verified_by_test_card', 'station', id::text,
             '{"verifiedAt": null}'::jsonb,
             jsonb_build_object('verifiedAt', verified_at, 'how', 'test card produced')
      from verified
      returning 1
    ), flagged as (
      insert into job_events (job_id, branch_id, kind, state, d1_status, dedupe_key, detail)
      select id, branch_id, 'produced_after_cancel', 'canceled', d1_status, 'produced_after_cancel:' || id, '{}'::jsonb
      from upd where after_cancel
      on conflict (dedupe_key) do nothing
      returning 1
    ), audited as (
      insert into audit_log (actor_role, branch_id, action, entity_type, entity_id, after)
      select 'd1', branch_id,
             case when after_cancel then 'job.produced_after_cancel' else 'job.d1_status' end,
             'issuance_job', id::text,
             jsonb_build_object('state', state, 'd1Status', d1_status)
               || case when after_cancel then '{"destroy": true}'::jsonb else '{}'::jsonb end
      from upd
      -- Training jobs are not audited: their job events are their record (docs/training.md).
      where not training
      returning 1
    )
    select (select count(*) from ev)::int as recorded,
           (select count(*) from upd)::int as applied,
           (select array_agg(distinct card_id) from input where card_id not in (select card_id from matched)) as unknown_cards,
           (select json_agg(json_build_object('cardId', card_id, 'traceparent', traceparent,
                                              'secondsToCard', seconds_to_card)) from upd) as changed`);
  const row = rows[0];
  return {
    recorded: row?.recorded ?? 0,
    applied: row?.applied ?? 0,
    unknownCards: row?.unknown_cards ?? [],
    changed: row?.changed ?? [],
  };
}
