import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { stations } from "@/db/schema";
import type { JobState } from "@/lib/vocabulary";

export function listStations({ db, branchId }: { db: Executor; branchId: string }) {
  return db.select().from(stations).where(eq(stations.branchId, branchId)).orderBy(asc(stations.persoStation));
}

export async function findStation({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(stations).where(eq(stations.id, id)).limit(1);
  return row ?? null;
}

/** Makes one station its branch's default; the partial unique index keeps it to one. */
export async function setDefaultStation({ db, id, branchId }: { db: Executor; id: string; branchId: string }) {
  await db
    .update(stations)
    .set({ isDefault: false, updatedAt: sql`now()` })
    .where(and(eq(stations.branchId, branchId), eq(stations.isDefault, true)));
  const [row] = await db
    .update(stations)
    .set({ isDefault: true, updatedAt: sql`now()` })
    .where(and(eq(stations.id, id), eq(stations.branchId, branchId)))
    .returning();
  return row ?? null;
}

export async function insertStation({
  db,
  values,
}: {
  db: Executor;
  values: { branchId: string; persoStation: string; label: string; location: string };
}) {
  // Disabled and unverified until a test card was produced on it: a mistyped id never gets a
  // customer's card.
  const [row] = await db
    .insert(stations)
    .values({ ...values, enabled: false, verifiedAt: null })
    .returning();
  if (!row) throw new Error("station insert returned nothing");
  return row;
}

/** Case-insensitive, across all branches: D1 routes by this id, so it must name one station. */
export async function persoStationTaken({ db, persoStation }: { db: Executor; persoStation: string }) {
  const rows = await db
    .select({ id: stations.id })
    .from(stations)
    .where(sql`lower(${stations.persoStation}) = lower(${persoStation})`)
    .limit(1);
  return rows.length > 0;
}

export async function setStationEnabled({ db, id, enabled }: { db: Executor; id: string; enabled: boolean }) {
  const [row] = await db
    .update(stations)
    // Enabling again is the manager saying the station works: its earlier problem is cleared.
    .set({ enabled, updatedAt: sql`now()`, ...(enabled ? { clearedAt: sql`now()` } : {}) })
    .where(eq(stations.id, id))
    .returning();
  return row ?? null;
}

/** The manager says the station works again: problems reported before now no longer mark it. */
export async function clearStationProblem({ db, id }: { db: Executor; id: string }) {
  const [row] = await db
    .update(stations)
    .set({ clearedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(stations.id, id))
    .returning({ id: stations.id, clearedAt: stations.clearedAt });
  return row ?? null;
}

/** Locks the station row so that a concurrent default change or toggle waits for this one. */
export async function findStationForUpdate({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(stations).where(eq(stations.id, id)).for("update").limit(1);
  return row ?? null;
}

/** Cards still on their way at this station: jobs not yet final, of the viewer's kind. */
export async function countOpenJobs({
  db,
  stationId,
  training,
}: {
  db: Executor;
  stationId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from issuance_jobs
         where station_id = ${stationId} and completed_at is null and training = ${training}`,
  );
  return rows[0]?.n ?? 0;
}

/** A test card was produced on it: from now on it may be enabled. */
export async function markStationVerified({ db, id }: { db: Executor; id: string }) {
  const [row] = await db
    .update(stations)
    .set({ verifiedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(stations.id, id))
    .returning();
  return row ?? null;
}

export async function renameStation({
  db,
  id,
  values,
}: {
  db: Executor;
  id: string;
  values: { label: string; location: string };
}) {
  const [row] = await db
    .update(stations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(stations.id, id))
    .returning();
  return row ?? null;
}

/**
 * A test card that failed before any card came out (a mistyped station id, say): it does not make
 * the station "used", and goes with the station when it is deleted. SQL on a job aliased `j`.
 */
// A canceled one counts only when D1 never held it (not flagged to destroy if produced): a card
// D1 may still print must keep its record.
const FAILED_TEST_CARD = sql`(j.purpose = 'station_test' and (j.state in ('data_exception', 'submission_failed')
  or (j.state = 'canceled' and not j.destroy_if_produced)))`;

/**
 * A job that makes its station "used" (kept for the record): a real one (training work is no
 * record, docs/training.md) other than a failed test card. SQL on a job aliased `j`; the one rule
 * of stationEverUsed (the delete) and of the stations page's everUsed (the Delete button).
 */
export const JOB_USES_STATION = sql`(not j.training and not ${FAILED_TEST_CARD})`;

/** Ever sent a real card or held stock: kept for the record (jobs and the stock ledger point at it). */
export async function stationEverUsed({ db, id }: { db: Executor; id: string }): Promise<boolean> {
  const { rows } = await db.execute<{ used: boolean }>(sql`
    select exists (select 1 from issuance_jobs j where j.station_id = ${id} and ${JOB_USES_STATION})
        or exists (select 1 from stock_ledger where station_id = ${id})
        or exists (select 1 from stock_counts where station_id = ${id}) as used`);
  return rows[0]?.used ?? true;
}

/**
 * Deletes an unused station (stationEverUsed), with its failed test cards, its training requests
 * (throw-away practice, as the admin's wipe treats them: no stock rows or audit entries point at
 * them) with their events and queued submissions, in the caller's transaction, so that no job
 * keeps the station. Returns how many training requests went with it.
 */
export async function deleteStation({ db, id }: { db: Executor; id: string }): Promise<{ trainingJobs: number }> {
  const gone = sql`select j.id from issuance_jobs j where j.station_id = ${id} and (j.training or ${FAILED_TEST_CARD})`;
  const { rows } = await db.execute<{ id: string; training: boolean }>(
    sql`select j.id, j.training from issuance_jobs j where j.id in (${gone})`,
  );
  for (const { id: jobId } of rows.filter((r) => r.training)) {
    // graphile-worker's own call: a run in progress finds no job and skips it.
    await db.execute(sql`select graphile_worker.remove_job(${`submit:${jobId}`})`);
  }
  await db.execute(sql`delete from job_events where job_id in (${gone})`);
  await db.execute(sql`delete from issuance_jobs where id in (${gone})`);
  await db.delete(stations).where(eq(stations.id, id));
  return { trainingJobs: rows.filter((r) => r.training).length };
}

/** How many (real) test cards were sent to a station, and the latest one's state: a station's setup is real work. */
export async function countStationTests({ db, stationId }: { db: Executor; stationId: string }) {
  const { rows } = await db.execute<{ total: number; latest_state: JobState | null }>(sql`
    select count(*)::int as total,
           (select j.state from issuance_jobs j
             where j.station_id = ${stationId} and j.purpose = 'station_test' and not j.training
             order by j.created_at desc limit 1) as latest_state
    from issuance_jobs where station_id = ${stationId} and purpose = 'station_test' and not training`);
  const row = rows[0];
  return { total: row?.total ?? 0, latestState: row?.latest_state ?? null };
}
