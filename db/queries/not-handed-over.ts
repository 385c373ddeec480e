import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type NotHandedOverCard = {
  id: string;
  product: string;
  panLast4: string | null;
  nameOnCard: string;
  teller: string;
  station: string;
  producedAt: Date;
};

/**
 * Cards of the branch still lying at the branch after hours: produced (`done`, not handed over,
 * not to be destroyed) on an earlier day, or today with the branch's closing time passed, both
 * in the branch's time zone. The manager's daily card-security check; oldest first.
 */
export async function notHandedOver({
  db,
  branchId,
  now,
  limit = 100,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
  /** The moment to judge at (tests); the database's clock otherwise. */
  now?: Date;
  limit?: number;
}): Promise<NotHandedOverCard[]> {
  const at = sql`coalesce(${now?.toISOString() ?? null}::timestamptz, now())`;
  const { rows } = await db.execute<NotHandedOverCard>(sql`
    select j.id, p.name as product, j.pan_last4 as "panLast4", j.name_on_card as "nameOnCard",
           u.name as teller, s.label as station, j.completed_at as "producedAt"
    from issuance_jobs j
    join branches b on b.id = j.branch_id
    join card_products p on p.id = j.product_id
    join users u on u.id = j.requested_by
    join stations s on s.id = j.station_id
    where j.branch_id = ${branchId} and j.state = 'done' and not j.destroy_if_produced
      and j.training = ${training}
      and j.completed_at is not null
      and ((j.completed_at at time zone b.timezone)::date < (${at} at time zone b.timezone)::date
           or (${at} at time zone b.timezone)::time >= b.closes_at)
    order by j.completed_at
    limit ${limit}`);
  return rows;
}
