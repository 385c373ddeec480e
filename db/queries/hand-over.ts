// The hand-over of a produced card: the record (one guarded UPDATE), then what the card system
// answered for the card's activation and for blocking the card it replaces.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cardProducts, issuanceJobs } from "@/db/schema";
import type { CardStatus, IdDocumentType } from "@/lib/vocabulary";

/** The card a replacement replaces, as the hand-over screen shows it. */
export type ReplacedCard = { panLast4: string | null; cardStatus: CardStatus | null; blocked: boolean };

/** What the job page needs of the hand-over; spread into findJobView's select. */
export const handOverFields = {
  cardStatus: issuanceJobs.cardStatus,
  activatedAt: issuanceJobs.activatedAt,
  activationError: issuanceJobs.activationError,
  handedOverAt: issuanceJobs.handedOverAt,
  idDocumentType: issuanceJobs.idDocumentType,
  idDocumentLast: issuanceJobs.idDocumentLast,
  activateAtHandOver: cardProducts.activateAtHandOver,
  // A card canceled at the counter that came out anyway is destroyed, never handed over.
  destroyIfProduced: issuanceJobs.destroyIfProduced,
  replacedCard: sql<ReplacedCard | null>`(select json_build_object('panLast4', o.pan_last4,
    'cardStatus', o.card_status, 'blocked', o.blocked_at is not null)
    from issuance_jobs o where o.id = "issuance_jobs"."replaces_job_id")`,
};

/**
 * What the hand-over actions check before they act: the job's branch (the teller's own?), its
 * state and whether it was handed over or is to be destroyed. One indexed read of the job's
 * row, not the job page's view with its timeline.
 */
export async function findHandOverFacts({ db, jobId }: { db: Executor; jobId: string }) {
  const [row] = await db
    .select({
      branchId: issuanceJobs.branchId,
      state: issuanceJobs.state,
      handedOver: sql<boolean>`${issuanceJobs.handedOverAt} is not null`,
      destroyIfProduced: issuanceJobs.destroyIfProduced,
      training: issuanceJobs.training,
    })
    .from(issuanceJobs)
    .where(eq(issuanceJobs.id, jobId))
    .limit(1);
  return row ?? null;
}

/**
 * Moves a produced card to handed_over, once: the `state = 'done'` guard makes a second submit
 * (or a colleague's at the same time) update nothing, and a card flagged for destruction (canceled,
 * then produced anyway) is never handed over. Returns null when nothing was updated.
 */
export async function recordHandOver({
  db,
  jobId,
  userId,
  idDocumentType,
  idDocumentLast,
}: {
  db: Executor;
  jobId: string;
  userId: string;
  idDocumentType: IdDocumentType;
  idDocumentLast: string;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({
      state: "handed_over",
      handedOverAt: sql`now()`,
      handedOverBy: userId,
      idDocumentType,
      idDocumentLast,
      updatedAt: sql`now()`,
    })
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.state, "done"), eq(issuanceJobs.destroyIfProduced, false)))
    .returning({ replacesJobId: issuanceJobs.replacesJobId });
  return row ?? null;
}

/** The replaced card is no longer the customer's card; returns its job (for its event), if any. */
export async function markReplaced({ db, oldJobId }: { db: Executor; oldJobId: string }) {
  const [row] = await db
    .update(issuanceJobs)
    .set({ cardStatus: "replaced", updatedAt: sql`now()` })
    .where(eq(issuanceJobs.id, oldJobId))
    .returning({ id: issuanceJobs.id, branchId: issuanceJobs.branchId, state: issuanceJobs.state });
  return row ?? null;
}

/** What activation and the old card's block need, for a handed-over card. */
export async function findCardToSettle({ db, jobId }: { db: Executor; jobId: string }) {
  const { rows } = await db.execute<{
    card_id: string;
    branch_id: string;
    state: string;
    card_status: CardStatus | null;
    activate_at_hand_over: boolean;
    old_job_id: string | null;
    old_card_id: string | null;
    old_blocked: boolean | null;
    training: boolean;
  }>(sql`
    select j.card_id, j.branch_id, j.state, j.card_status, p.activate_at_hand_over, j.training,
           o.id as old_job_id, o.card_id as old_card_id,
           o.blocked_at is not null as old_blocked
    from issuance_jobs j
    join card_products p on p.id = j.product_id
    left join issuance_jobs o on o.id = j.replaces_job_id
    where j.id = ${jobId}`);
  return rows[0] ?? null;
}

/** Activation succeeded: the card is active, and any earlier failure is cleared. */
export async function markActivated({ db, jobId }: { db: Executor; jobId: string }) {
  await db
    .update(issuanceJobs)
    .set({ cardStatus: "active", activatedAt: sql`now()`, activationError: null, updatedAt: sql`now()` })
    .where(eq(issuanceJobs.id, jobId));
}

export async function markActivationFailed({ db, jobId, message }: { db: Executor; jobId: string; message: string }) {
  await db
    .update(issuanceJobs)
    .set({ activationError: message, updatedAt: sql`now()` })
    .where(eq(issuanceJobs.id, jobId));
}
