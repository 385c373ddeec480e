// Maker-checker: the bank's approval rules (one row), the facts a new request is checked
// against, the branch's queue of requests awaiting approval, and the guarded decision.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { approvalSettings, cardProducts, customers, issuanceJobs, stations, users } from "@/db/schema";

export type ApprovalSettings = { repeatReplacementDays: number | null; nameDiffers: boolean };

/** The bank's rules; the migration inserts the row, and a missing one means every rule is off. */
export async function getApprovalSettings({ db }: { db: Executor }): Promise<ApprovalSettings> {
  const [row] = await db
    .select({
      repeatReplacementDays: approvalSettings.repeatReplacementDays,
      nameDiffers: approvalSettings.nameDiffers,
    })
    .from(approvalSettings)
    .where(eq(approvalSettings.id, 1))
    .limit(1);
  return row ?? { repeatReplacementDays: null, nameDiffers: false };
}

export async function saveApprovalSettings({ db, values }: { db: Executor; values: ApprovalSettings }) {
  await db
    .insert(approvalSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: approvalSettings.id, set: { ...values, updatedAt: sql`now()` } });
}

export async function productNeedsApproval({ db, productId }: { db: Executor; productId: string }) {
  const [product] = await db
    .select({ needsApproval: cardProducts.needsApproval })
    .from(cardProducts)
    .where(eq(cardProducts.id, productId))
    .limit(1);
  return product?.needsApproval ?? false;
}

/** The customer's recorded name, which the name on the card is compared with. */
export async function recordedName({ db, customerId }: { db: Executor; customerId: string }) {
  const [customer] = await db
    .select({ givenName: customers.givenName, familyName: customers.familyName })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return customer ?? null;
}

/**
 * Replacements of the customer's cards requested within `days`, other than this request: a
 * retry or move of one counts with it (not again), and a rejected or canceled one made no card.
 */
export async function countRecentReplacements({
  db,
  customerId,
  days,
  exceptRequestKey,
  training,
}: {
  db: Executor;
  customerId: string;
  days: number;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
  exceptRequestKey: string;
}): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from issuance_jobs
    where customer_id = ${customerId} and reason = 'REPLACEMENT' and retry_of_job_id is null
      and state not in ('rejected', 'canceled') and request_key <> ${exceptRequestKey}
      and training = ${training}
      and created_at > now() - make_interval(days => ${days})`);
  return rows[0]?.n ?? 0;
}

const queueFields = {
  id: issuanceJobs.id,
  branchId: issuanceJobs.branchId,
  state: issuanceJobs.state,
  // The page's title names the request by its short reference.
  issuerRequestId: issuanceJobs.issuerRequestId,
  requestedBy: issuanceJobs.requestedBy,
  requesterName: users.name,
  customerId: issuanceJobs.customerId,
  customerName: sql<string>`${customers.givenName} || ' ' || ${customers.familyName}`,
  productName: cardProducts.name,
  nameOnCard: issuanceJobs.nameOnCard,
  reason: issuanceJobs.reason,
  stationId: issuanceJobs.stationId,
  stationLabel: stations.label,
  approvalRules: issuanceJobs.approvalRules,
  decidedBy: issuanceJobs.decidedBy,
  decidedByName: sql<string | null>`(select u.name from users u where u.id = ${issuanceJobs.decidedBy})`,
  decidedAt: issuanceJobs.decidedAt,
  decisionNote: issuanceJobs.decisionNote,
  createdAt: issuanceJobs.createdAt,
  training: issuanceJobs.training,
};

function queueRows(db: Executor) {
  return db
    .select(queueFields)
    .from(issuanceJobs)
    .innerJoin(users, eq(users.id, issuanceJobs.requestedBy))
    .innerJoin(customers, eq(customers.id, issuanceJobs.customerId))
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId));
}

/** The branch's requests awaiting a manager's approval, oldest first (who waits longest first). */
export function listAwaitingApproval({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}) {
  return queueRows(db)
    .where(
      and(
        eq(issuanceJobs.branchId, branchId),
        eq(issuanceJobs.state, "awaiting_approval"),
        eq(issuanceJobs.training, training),
      ),
    )
    .orderBy(asc(issuanceJobs.createdAt))
    .limit(100);
}

export type AwaitingApproval = Awaited<ReturnType<typeof listAwaitingApproval>>[number];

/**
 * One request as the approval page shows it, whatever its state now. A request of the other kind
 * (training or real) is not found: not its page, not its customer's name in the title, not a
 * decision on it (docs/training.md).
 */
export async function findApprovalRequest({
  db,
  jobId,
  training,
}: {
  db: Executor;
  jobId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}) {
  const [row] = await queueRows(db)
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.training, training)))
    .limit(1);
  return row ?? null;
}

/** The Approvals badge: the branch's requests of the viewer's kind awaiting a decision. */
export async function countAwaitingApproval({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from issuance_jobs
    where branch_id = ${branchId} and state = 'awaiting_approval' and training = ${training}`);
  return rows[0]?.n ?? 0;
}

/**
 * The manager's decision, only from awaiting_approval (a second decision, or one racing a cancel
 * at the counter, finds no row). Approved: submitting, to be queued in the same transaction.
 * Rejected: final.
 */
export async function recordDecision({
  db,
  jobId,
  approve,
  userId,
  note,
}: {
  db: Executor;
  jobId: string;
  approve: boolean;
  userId: string;
  note: string;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({
      state: approve ? "submitting" : "rejected",
      decidedBy: userId,
      decidedAt: sql`now()`,
      decisionNote: note,
      ...(approve ? {} : { completedAt: sql`now()` }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.state, "awaiting_approval")))
    .returning();
  return row ?? null;
}
