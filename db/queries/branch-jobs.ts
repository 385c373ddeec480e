import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cardProducts, issuanceJobs, stations, users } from "@/db/schema";

/**
 * A branch's latest customer card requests for the manager's board, newest first (a station's
 * test card shows on its station's row instead). No card data beyond last four.
 */
export function branchJobs({
  db,
  branchId,
  limit,
  training,
}: {
  db: Executor;
  branchId: string;
  limit: number;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}) {
  return db
    .select({
      id: issuanceJobs.id,
      state: issuanceJobs.state,
      nameOnCard: issuanceJobs.nameOnCard,
      panLast4: issuanceJobs.panLast4,
      errorCode: issuanceJobs.errorCode,
      errorMessage: issuanceJobs.errorMessage,
      createdAt: issuanceJobs.createdAt,
      completedAt: issuanceJobs.completedAt,
      station: stations.label,
      persoStation: issuanceJobs.persoStation,
      product: cardProducts.name,
      teller: users.name,
      // For the outcome the board shows (lib/issuance/outcome.ts): Canceled, Retried, Moved.
      canceledAt: issuanceJobs.canceledAt,
      producedAfterCancelAt: issuanceJobs.producedAfterCancelAt,
      retriedAs: sql<
        string | null
      >`(select r.id from issuance_jobs r where r.retry_of_job_id = "issuance_jobs"."id" limit 1)`,
    })
    .from(issuanceJobs)
    .innerJoin(stations, eq(stations.id, issuanceJobs.stationId))
    .innerJoin(cardProducts, eq(cardProducts.id, issuanceJobs.productId))
    .innerJoin(users, eq(users.id, issuanceJobs.requestedBy))
    .where(
      and(
        eq(issuanceJobs.branchId, branchId),
        eq(issuanceJobs.purpose, "customer"),
        eq(issuanceJobs.training, training),
      ),
    )
    .orderBy(desc(issuanceJobs.createdAt), desc(issuanceJobs.id))
    .limit(limit);
}

export type BranchJob = Awaited<ReturnType<typeof branchJobs>>[number];

/** Jobs of the branch not yet final (the board's "in progress" figure). */
export async function openJobCount({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from issuance_jobs
        where branch_id = ${branchId} and completed_at is null and purpose = 'customer'
          and training = ${training}`,
  );
  return rows[0]?.n ?? 0;
}
