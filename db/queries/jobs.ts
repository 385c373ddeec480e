import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, cardProducts, issuanceJobs, jobEvents, stations, type NewIssuanceJob } from "@/db/schema";
import type { JobState } from "@/lib/vocabulary";

/** Inserts the job unless its request key exists; returns the job and whether it is new. */
export async function insertJobOnce({ db, values }: { db: Executor; values: NewIssuanceJob }) {
  const [created] = await db
    .insert(issuanceJobs)
    .values(values)
    .onConflictDoNothing({ target: issuanceJobs.requestKey })
    .returning();
  if (created) return { job: created, created: true };
  const [existing] = await db
    .select()
    .from(issuanceJobs)
    .where(eq(issuanceJobs.requestKey, values.requestKey))
    .limit(1);
  if (!existing) throw new Error("request key conflict without a row");
  return { job: existing, created: false };
}

export async function insertJobEvent({
  db,
  event,
}: {
  db: Executor;
  event: {
    jobId: string;
    branchId: string;
    kind: string;
    state: JobState;
    d1Status?: string | null;
    detail?: Record<string, unknown>;
    /** Makes the event happen at most once (e.g. a teller closing a job twice). */
    dedupeKey?: string;
  };
}) {
  await db
    .insert(jobEvents)
    .values({ ...event, detail: event.detail ?? {} })
    .onConflictDoNothing({ target: jobEvents.dedupeKey });
}

/** Queues the durable submission in the caller's transaction (graphile-worker). */
/** `traceparent`: the request's trace context (lib/tracing), which the worker's run continues. */
export async function enqueueSubmission({
  db,
  jobId,
  runAt,
  traceparent,
}: {
  db: Executor;
  jobId: string;
  runAt?: Date;
  traceparent?: string | null;
}) {
  await db.execute(sql`select graphile_worker.add_job(
    'submit_order', json_strip_nulls(json_build_object('jobId', ${jobId}::text, 'traceparent', ${traceparent ?? null}::text)),
    run_at := ${runAt?.toISOString() ?? null}::timestamptz,
    max_attempts := 25, job_key := ${`submit:${jobId}`})`);
}

/** What the submission needs, in one query. */
export async function findJobForSubmission({ db, jobId }: { db: Executor; jobId: string }) {
  const [row] = await db
    .select({
      job: issuanceJobs,
      product: {
        d1CardProductId: cardProducts.d1CardProductId,
        bin: cardProducts.bin,
        panLength: cardProducts.panLength,
        expiryMonths: cardProducts.expiryMonths,
        services: cardProducts.services,
        paymentApplication: cardProducts.paymentApplication,
      },
      // No card is ever sent to a disabled station (submit.ts holds the job instead).
      station: {
        enabled: stations.enabled,
        label: stations.label,
        verifiedAt: stations.verifiedAt,
        // Blank cards of the product's stock at the station (null: the product counts no stock);
        // submit.ts holds the order at zero.
        stock: sql<number | null>`case when ${cardProducts.stockTypeId} is null then null else
          (select coalesce(sum(l.quantity), 0)::int from stock_ledger l
            where l.station_id = ${stations.id} and l.place = 'station'
              and l.stock_type_id = ${cardProducts.stockTypeId}) end`,
      },
      // Debit cards: the card system links the card to this account.
      accountNumber: accounts.accountNumber,
    })
    .from(issuanceJobs)
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId))
    .leftJoin(accounts, eq(accounts.id, issuanceJobs.accountId))
    .where(eq(issuanceJobs.id, jobId))
    .limit(1);
  return row ?? null;
}

/** D1 accepted the order: moves a still-submitting job to requested; keeps the operation id and last four. */
export async function markAccepted({
  db,
  jobId,
  operationId,
  panLast4,
}: {
  db: Executor;
  jobId: string;
  operationId: string | null;
  panLast4: string;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({
      state: sql`case when ${issuanceJobs.state} = 'submitting' then 'requested' else ${issuanceJobs.state} end`,
      d1OperationId: sql`coalesce(${issuanceJobs.d1OperationId}, ${operationId})`,
      panLast4,
      errorCode: null,
      errorMessage: null,
      submittedAt: sql`coalesce(${issuanceJobs.submittedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(eq(issuanceJobs.id, jobId))
    .returning();
  return row ?? null;
}

/**
 * Counts a submission run before D1 is called (and marks the job active for reconciliation), so
 * that any later run knows an order may have reached D1. Returns the count before this run, or
 * null when the job is no longer submitting.
 */
export async function markSubmitStarted({ db, jobId }: { db: Executor; jobId: string }) {
  const [row] = await db
    .update(issuanceJobs)
    .set({ submitAttempts: sql`${issuanceJobs.submitAttempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.state, "submitting")))
    .returning({ attempts: issuanceJobs.submitAttempts });
  return row ? row.attempts - 1 : null;
}

/** Records why the run failed; returns the number of runs so far (for the backoff). */
export async function markSubmitAttempt({
  db,
  jobId,
  errorCode,
  errorMessage,
}: {
  db: Executor;
  jobId: string;
  errorCode: string | null;
  errorMessage: string | null;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({ errorCode, errorMessage, updatedAt: sql`now()` })
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.state, "submitting")))
    .returning({ attempts: issuanceJobs.submitAttempts });
  return row?.attempts ?? null;
}

export async function markSubmissionFailed({
  db,
  jobId,
  errorCode,
  errorMessage,
}: {
  db: Executor;
  jobId: string;
  errorCode: string;
  errorMessage: string;
}) {
  const [row] = await db
    .update(issuanceJobs)
    .set({ state: "submission_failed", errorCode, errorMessage, completedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.state, "submitting")))
    .returning();
  return row ?? null;
}

/** Jobs whose submission seems stuck (worker died) or whose D1 status went quiet. */
export async function findJobsToReconcile({
  db,
  quietSeconds,
  limit,
  training = false,
}: {
  db: Executor;
  quietSeconds: number;
  limit: number;
  /** Training jobs are asked of the training simulator, real ones of D1: never mixed. */
  training?: boolean;
}) {
  return db
    .select({ id: issuanceJobs.id, cardId: issuanceJobs.cardId, state: issuanceJobs.state })
    .from(issuanceJobs)
    .where(
      // A request awaiting approval is not D1's yet: nothing to ask or send (decide.ts queues it).
      sql`${issuanceJobs.completedAt} is null and ${issuanceJobs.state} <> 'awaiting_approval'
        and ${issuanceJobs.updatedAt} < now() - make_interval(secs => ${quietSeconds})
        and ${issuanceJobs.training} = ${training}`,
    )
    .orderBy(issuanceJobs.updatedAt)
    .limit(limit);
}

/**
 * Requests canceled at the counter while D1 may still have held the order (destroy_if_produced),
 * not yet seen printed, canceled within `withinHours`: reconciliation asks D1 about them too, so a
 * card printed anyway is flagged even when its notification never arrives. Oldest news first.
 */
export function findCanceledToWatch({
  db,
  quietSeconds,
  withinHours,
  limit,
  training = false,
}: {
  db: Executor;
  quietSeconds: number;
  withinHours: number;
  limit: number;
  training?: boolean;
}) {
  return db
    .select({ id: issuanceJobs.id, cardId: issuanceJobs.cardId, state: issuanceJobs.state })
    .from(issuanceJobs)
    .where(
      sql`${issuanceJobs.state} = 'canceled' and ${issuanceJobs.destroyIfProduced}
        and ${issuanceJobs.producedAfterCancelAt} is null
        and ${issuanceJobs.canceledAt} > now() - make_interval(hours => ${withinHours})
        and ${issuanceJobs.updatedAt} < now() - make_interval(secs => ${quietSeconds})
        and ${issuanceJobs.training} = ${training}`,
    )
    .orderBy(issuanceJobs.updatedAt)
    .limit(limit);
}

/** Submissions waiting at a station (e.g. while it was disabled): queued to run now. */
export async function enqueueWaitingAtStation({ db, stationId }: { db: Executor; stationId: string }) {
  // With each request's trace context, as enqueueSubmission queues it: the held order's run
  // continues the teller's trace.
  await db.execute(sql`select graphile_worker.add_job('submit_order',
      json_strip_nulls(json_build_object('jobId', id::text, 'traceparent', traceparent)),
      max_attempts := 25, job_key := 'submit:' || id::text)
    from issuance_jobs where station_id = ${stationId} and state = 'submitting'`);
}
