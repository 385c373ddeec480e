// A customer's produced cards and what replacing one needs: each card's status (expired derived
// from when it was produced and the product's validity, never from a stored expiry date, which
// is card data), whether a replacement is already under way, the recent requests that make a new
// one a likely duplicate, and the record of a block. Last four digits at most, never card data.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, branches, customers, issuanceJobs } from "@/db/schema";
import type { CardStatus, IssuanceReason, JobState, ReplacementReason } from "@/lib/vocabulary";

export type CustomerCardStatus = CardStatus | "expired";

export type CustomerCard = {
  jobId: string;
  branchId: string;
  productId: string;
  productName: string;
  panLast4: string | null;
  reason: IssuanceReason;
  cardStatus: CardStatus;
  /** What the teller reads: blocked and replaced first, then expired, then the stored status. */
  status: CustomerCardStatus;
  producedAt: string;
  /** A replacement of this card is in production or produced (not failed, not canceled). */
  replacementPending: boolean;
  /** May be chosen as the card a replacement or renewal replaces. */
  replaceable: boolean;
};

// States in which a replacement still stands for the card it replaces (one awaiting a manager's
// approval too: a second replacement of the same card must not be asked for meanwhile).
const LIVE_REPLACEMENT = sql`('awaiting_approval', 'submitting', 'requested', 'ready', 'done', 'handed_over')`;

/** The customer's produced cards at every branch, newest first. */
export async function listCustomerCards({
  db,
  customerId,
  cardJobId,
  exceptRequestKey,
  training,
}: {
  db: Executor;
  customerId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
  /** Only this card (the server's check of the teller's choice). */
  cardJobId?: string;
  /** A replacement with this request key is the teller's own resubmission, not another one. */
  exceptRequestKey?: string;
}): Promise<CustomerCard[]> {
  const { rows } = await db.execute<Omit<CustomerCard, "replaceable">>(sql`
    select j.id as "jobId", j.branch_id as "branchId", j.product_id as "productId",
           p.name as "productName", j.pan_last4 as "panLast4", j.reason, j.card_status as "cardStatus",
           case when j.card_status in ('blocked', 'replaced') then j.card_status
                when j.completed_at + make_interval(months => p.expiry_months) <= now() then 'expired'
                else j.card_status end as status,
           j.completed_at as "producedAt",
           exists (select 1 from issuance_jobs r
                    where r.replaces_job_id = j.id and r.state in ${LIVE_REPLACEMENT}
                      and r.request_key is distinct from ${exceptRequestKey ?? null}) as "replacementPending"
      from issuance_jobs j
      join card_products p on p.id = j.product_id
     where j.customer_id = ${customerId}::uuid and j.card_status is not null and j.training = ${training}
       ${cardJobId ? sql`and j.id = ${cardJobId}::uuid` : sql``}
     order by j.completed_at desc nulls last, j.created_at desc`);
  return rows.map((r) => ({
    ...r,
    producedAt: new Date(r.producedAt).toISOString(),
    replaceable: r.cardStatus !== "replaced" && !r.replacementPending,
  }));
}

/** The customer's latest request for the product since local midnight or the last 24 hours,
 * whichever is earlier, that was not canceled: issuing it again is likely a mistake. */
export async function findRecentSameProductJob({
  db,
  customerId,
  productId,
  timeZone,
  exceptRequestKey,
  training,
}: {
  db: Executor;
  customerId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
  productId: string;
  timeZone: string;
  exceptRequestKey: string;
}): Promise<{ id: string; state: JobState; createdAt: string } | null> {
  const { rows } = await db.execute<{ id: string; state: JobState; createdAt: string }>(sql`
    select id, state, created_at as "createdAt" from issuance_jobs
     where customer_id = ${customerId}::uuid and product_id = ${productId}::uuid and state <> 'canceled'
       and training = ${training}
       and request_key <> ${exceptRequestKey}
       and created_at >= least(now() - interval '24 hours',
                               date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone})
     order by created_at desc limit 1`);
  const row = rows[0];
  return row ? { ...row, createdAt: new Date(row.createdAt).toISOString() } : null;
}

/** What the eligibility rules look at, and the branch's time zone for today's date. */
export async function findEligibilityFacts({
  db,
  customerId,
  branchId,
}: {
  db: Executor;
  customerId: string;
  branchId: string;
}) {
  const [customer] = await db
    .select({ dateOfBirth: customers.dateOfBirth, customerType: customers.customerType })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  const [branch] = await db
    .select({ timezone: branches.timezone })
    .from(branches)
    .where(eq(branches.id, branchId))
    .limit(1);
  return customer ? { customer, timeZone: branch?.timezone ?? "UTC" } : null;
}

/** The customer's accounts, for the account a debit card is for. */
export function listCustomerAccounts({ db, customerId }: { db: Executor; customerId: string }) {
  return db
    .select({
      id: accounts.id,
      accountNumber: accounts.accountNumber,
      kind: accounts.kind,
      currency: accounts.currency,
    })
    .from(accounts)
    .where(eq(accounts.customerId, customerId))
    .orderBy(accounts.accountNumber);
}

/** What a retry keeps of the failed job besides product and name: the card it replaces, why, and the account. */
export async function findJobCarryOver({ db, jobId }: { db: Executor; jobId: string }) {
  const [row] = await db
    .select({
      replacesJobId: issuanceJobs.replacesJobId,
      replacementReason: issuanceJobs.replacementReason,
      accountId: issuanceJobs.accountId,
    })
    .from(issuanceJobs)
    .where(eq(issuanceJobs.id, jobId))
    .limit(1);
  return row ?? null;
}

/** Holds the card's job row until the transaction ends (one replacement of a card at a time). */
export async function lockCard({ db, jobId }: { db: Executor; jobId: string }) {
  await db.execute(sql`select 1 from issuance_jobs where id = ${jobId}::uuid for update`);
}

/** D1's cardId of a produced card, for the card system only (never shown to a teller). */
export async function findCardId({ db, jobId }: { db: Executor; jobId: string }) {
  const [row] = await db
    .select({ cardId: issuanceJobs.cardId })
    .from(issuanceJobs)
    .where(eq(issuanceJobs.id, jobId))
    .limit(1);
  return row?.cardId ?? null;
}

/**
 * Records that the card system blocked the card, once; returns the job when this call recorded it
 * (null: the block is on record already, so its event and audit entry exist too). Both blocks go
 * through here: a lost or stolen card blocked before its replacement is ordered becomes "blocked"
 * (never a card already replaced); the card a handed-over replacement replaces
 * (lib/hand-over/settle.ts, reason "replaced") keeps the status "replaced" the hand-over gave it.
 */
export async function markCardBlocked({
  db,
  jobId,
  reason,
}: {
  db: Executor;
  jobId: string;
  reason: ReplacementReason | "replaced";
}) {
  const replaced = reason === "replaced";
  const [row] = await db
    .update(issuanceJobs)
    .set({
      cardStatus: replaced ? "replaced" : "blocked",
      blockedAt: sql`now()`,
      blockReason: reason,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(issuanceJobs.id, jobId),
        sql`${issuanceJobs.blockedAt} is null`,
        replaced
          ? sql`${issuanceJobs.cardStatus} = 'replaced'`
          : sql`${issuanceJobs.cardStatus} in ('inactive', 'active')`,
      ),
    )
    .returning();
  return row ?? null;
}
