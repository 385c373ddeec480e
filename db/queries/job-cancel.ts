// Canceling and moving open requests (lib/issuance/cancel.ts): the rows they read and the
// guarded writes, each of which changes a job only from the states it expects.
import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cardProducts, customers, issuanceJobs, stations } from "@/db/schema";
import type { JobState } from "@/lib/vocabulary";

/** Requests still on their way: D1 has not said its last word on them. */
export const OPEN_STATES = ["submitting", "requested", "ready"] as const satisfies readonly JobState[];

export const isOpenState = (state: string) => OPEN_STATES.some((s) => s === state);

/** With `training`, a job of the other kind (training or real) is not found (docs/training.md). */
export async function findJobForCancel({ db, jobId, training }: { db: Executor; jobId: string; training?: boolean }) {
  const [row] = await db
    .select({
      id: issuanceJobs.id,
      branchId: issuanceJobs.branchId,
      state: issuanceJobs.state,
      cardId: issuanceJobs.cardId,
      submitAttempts: issuanceJobs.submitAttempts,
      stationId: issuanceJobs.stationId,
      stationLabel: stations.label,
      customerId: issuanceJobs.customerId,
      productId: issuanceJobs.productId,
      reason: issuanceJobs.reason,
      nameOnCard: issuanceJobs.nameOnCard,
      canceledAt: issuanceJobs.canceledAt,
      training: issuanceJobs.training,
    })
    .from(issuanceJobs)
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId))
    // A station's test card is not the counter's to cancel or move: it belongs to the station's
    // setup, and one canceled while D1 holds it could be deleted with a mistyped station.
    .where(
      and(
        eq(issuanceJobs.id, jobId),
        eq(issuanceJobs.purpose, "customer"),
        training === undefined ? undefined : eq(issuanceJobs.training, training),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type JobForCancel = NonNullable<Awaited<ReturnType<typeof findJobForCancel>>>;

/**
 * Records the cancel at the counter: from an open state, or over D1's own CARD_PROD_CANCELED
 * that arrived first (state canceled, no canceled_at yet); with `onlyFrom`, from that state alone
 * (a request awaiting approval). Returns null when the job has moved on.
 */
export async function markCanceledAtCounter({
  db,
  jobId,
  userId,
  destroyIfProduced,
  onlyFrom,
}: {
  db: Executor;
  jobId: string;
  userId: string;
  destroyIfProduced: boolean;
  onlyFrom?: JobState;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({
      state: "canceled",
      canceledAt: sql`now()`,
      canceledBy: userId,
      destroyIfProduced,
      completedAt: sql`coalesce(${issuanceJobs.completedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(issuanceJobs.id, jobId),
        onlyFrom
          ? eq(issuanceJobs.state, onlyFrom)
          : or(
              inArray(issuanceJobs.state, OPEN_STATES),
              and(eq(issuanceJobs.state, "canceled"), isNull(issuanceJobs.canceledAt)),
            ),
      ),
    )
    .returning({ id: issuanceJobs.id, state: issuanceJobs.state });
  return row ?? null;
}

/** A failed card given up at the counter (close-job): canceled too, its failed state kept. */
export async function markClosedAtCounter({ db, jobId, userId }: { db: Executor; jobId: string; userId: string }) {
  await db
    .update(issuanceJobs)
    .set({ canceledAt: sql`coalesce(${issuanceJobs.canceledAt}, now())`, canceledBy: userId, updatedAt: sql`now()` })
    .where(and(eq(issuanceJobs.id, jobId), isNull(issuanceJobs.canceledAt)));
}

/** Points a request D1 never got at another station; only while it is still being submitted. */
export async function moveJobInPlace({
  db,
  jobId,
  stationId,
  persoStation,
}: {
  db: Executor;
  jobId: string;
  stationId: string;
  persoStation: string;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({ stationId, persoStation, errorCode: null, errorMessage: null, updatedAt: sql`now()` })
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.state, "submitting")))
    .returning({ id: issuanceJobs.id });
  return row ?? null;
}

/** Takes a request's queued submission out of the job queue (a worker run skips it anyway). */
export async function dequeueSubmission({ db, jobId }: { db: Executor; jobId: string }) {
  await db.execute(sql`select graphile_worker.remove_job(${`submit:${jobId}`})`);
}

/** The requests still waiting at a station, oldest first: what disabling it leaves behind. */
export function listWaitingJobs({
  db,
  stationId,
  training,
}: {
  db: Executor;
  stationId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}) {
  return db
    .select({
      id: issuanceJobs.id,
      branchId: issuanceJobs.branchId,
      state: issuanceJobs.state,
      customerName: sql<string>`${customers.givenName} || ' ' || ${customers.familyName}`,
      productName: cardProducts.name,
      createdAt: issuanceJobs.createdAt,
    })
    .from(issuanceJobs)
    .innerJoin(customers, eq(customers.id, issuanceJobs.customerId))
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .where(
      and(
        eq(issuanceJobs.stationId, stationId),
        inArray(issuanceJobs.state, OPEN_STATES),
        eq(issuanceJobs.training, training),
      ),
    )
    .orderBy(issuanceJobs.createdAt)
    .limit(50);
}

/** Cards printed after their request was canceled, newest first: each must be destroyed. */
export function listCardsToDestroy({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}) {
  return db
    .select({
      id: issuanceJobs.id,
      customerName: sql<string>`${customers.givenName} || ' ' || ${customers.familyName}`,
      productName: cardProducts.name,
      panLast4: issuanceJobs.panLast4,
      stationLabel: stations.label,
      producedAt: issuanceJobs.producedAfterCancelAt,
    })
    .from(issuanceJobs)
    .innerJoin(customers, eq(customers.id, issuanceJobs.customerId))
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId))
    .where(
      and(
        eq(issuanceJobs.branchId, branchId),
        isNotNull(issuanceJobs.producedAfterCancelAt),
        eq(issuanceJobs.training, training),
      ),
    )
    .orderBy(desc(issuanceJobs.producedAfterCancelAt))
    .limit(50);
}

export type CardToDestroy = Awaited<ReturnType<typeof listCardsToDestroy>>[number];
