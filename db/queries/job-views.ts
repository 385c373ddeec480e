// What tellers and managers see of jobs: never card data (the last four digits at most), never
// D1's cardId. One query per view.
import { and, desc, eq, gte, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cardProducts, customers, issuanceJobs, stations } from "@/db/schema";
import type { JobState } from "@/lib/vocabulary";
import { handOverFields } from "./hand-over";

export type JobEventView = {
  id: number;
  kind: string;
  state: JobState;
  d1Status: string | null;
  detail: Record<string, unknown>;
  at: string;
};

const summaryFields = {
  id: issuanceJobs.id,
  branchId: issuanceJobs.branchId,
  // Our correlation id at D1: what support quotes to Thales. Not card data.
  issuerRequestId: issuanceJobs.issuerRequestId,
  state: issuanceJobs.state,
  d1Status: issuanceJobs.d1Status,
  panLast4: issuanceJobs.panLast4,
  errorCode: issuanceJobs.errorCode,
  errorMessage: issuanceJobs.errorMessage,
  reason: issuanceJobs.reason,
  nameOnCard: issuanceJobs.nameOnCard,
  stationId: issuanceJobs.stationId,
  persoStation: issuanceJobs.persoStation,
  stationLabel: stations.label,
  productId: issuanceJobs.productId,
  productName: cardProducts.name,
  cardFaceImage: cardProducts.cardFaceImage,
  customerId: issuanceJobs.customerId,
  customerName: sql<string>`${customers.givenName} || ' ' || ${customers.familyName}`,
  requestedBy: issuanceJobs.requestedBy,
  retryOfJobId: issuanceJobs.retryOfJobId,
  // What became of the request (lib/issuance/outcome.ts, lib/issuance/list-filter.ts): canceled
  // at the counter, printed anyway after a cancel, or issued again as another request.
  canceledAt: issuanceJobs.canceledAt,
  destroyIfProduced: issuanceJobs.destroyIfProduced,
  producedAfterCancelAt: issuanceJobs.producedAfterCancelAt,
  retriedAs: sql<
    string | null
  >`(select r.id from issuance_jobs r where r.retry_of_job_id = "issuance_jobs"."id" limit 1)`,
  // Maker-checker: why the request waits, and the manager's decision (lib/issuance/decide.ts).
  approvalRules: issuanceJobs.approvalRules,
  decisionNote: issuanceJobs.decisionNote,
  decidedAt: issuanceJobs.decidedAt,
  decidedByName: sql<string | null>`(select u.name from users u where u.id = "issuance_jobs"."decided_by")`,
  // The teller filter of the Counter's lists.
  requestedByName: sql<string>`(select u.name from users u where u.id = "issuance_jobs"."requested_by")`,
  createdAt: issuanceJobs.createdAt,
  updatedAt: issuanceJobs.updatedAt,
  completedAt: issuanceJobs.completedAt,
};

function joined(db: Executor) {
  return db
    .select(summaryFields)
    .from(issuanceJobs)
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId))
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .innerJoin(customers, eq(customers.id, issuanceJobs.customerId));
}

export type JobSummary = Awaited<ReturnType<typeof listJobs>>[number];

/** A job with its timeline, whether it was already retried or moved, and where it came from. */
/** A job of the other kind (training or real) than `training` is not found (docs/training.md). */
export async function findJobView({ db, id, training }: { db: Executor; id: string; training: boolean }) {
  const [row] = await db
    .select({
      ...summaryFields,
      ...handOverFields,
      events: sql<JobEventView[]>`coalesce((select json_agg(json_build_object('id', e.id, 'kind', e.kind,
        'state', e.state, 'd1Status', e.d1_status, 'detail', e.detail, 'at', e.created_at) order by e.id)
        from job_events e where e.job_id = "issuance_jobs"."id"), '[]'::json)`,
      // Where the retry or move went, and where this one came from (and whether that was a move).
      retriedAsStation: sql<string | null>`(select s.label from issuance_jobs r join stations s on s.id = r.station_id
        where r.retry_of_job_id = "issuance_jobs"."id" limit 1)`,
      retryOf: sql<{ stationLabel: string; moved: boolean } | null>`(select json_build_object('stationLabel', s.label,
        'moved', o.canceled_at is not null or o.state = 'canceled') from issuance_jobs o join stations s on s.id = o.station_id
        where o.id = "issuance_jobs"."retry_of_job_id")`,
    })
    .from(issuanceJobs)
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId))
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .innerJoin(customers, eq(customers.id, issuanceJobs.customerId))
    .where(and(eq(issuanceJobs.id, id), eq(issuanceJobs.training, training)))
    .limit(1);
  return row ?? null;
}

export type JobView = NonNullable<Awaited<ReturnType<typeof findJobView>>>;

/** Jobs of a branch, newest first: the branch's or a teller's of today, the open queue, or a customer's. */
export function listJobs({
  db,
  branchId,
  requestedBy,
  customerId,
  since,
  openOnly,
  state,
  limit = 100,
  training,
}: {
  db: Executor;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
  branchId?: string;
  requestedBy?: string;
  customerId?: string;
  since?: Date;
  openOnly?: boolean;
  state?: JobState;
  limit?: number;
}) {
  const where: SQL[] = [eq(issuanceJobs.training, training)];
  if (branchId) where.push(eq(issuanceJobs.branchId, branchId));
  if (requestedBy) where.push(eq(issuanceJobs.requestedBy, requestedBy));
  if (customerId) where.push(eq(issuanceJobs.customerId, customerId));
  if (since) where.push(gte(issuanceJobs.createdAt, since));
  if (openOnly) where.push(isNull(issuanceJobs.completedAt));
  if (state) where.push(eq(issuanceJobs.state, state));
  return joined(db)
    .where(and(...where))
    .orderBy(desc(issuanceJobs.createdAt))
    .limit(limit);
}
