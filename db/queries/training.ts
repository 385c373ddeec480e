// Training mode (docs/training.md): who is in training, the drills a trainer injected for the
// training simulator, and wiping what trainees left behind.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { branches, stations, trainingFaults, users } from "@/db/schema";
import type { TrainingFault } from "@/lib/vocabulary";

/**
 * Takes the drill for the next training order at this station (by its perso station id), in one
 * statement, so that of several app instances exactly one worker applies each counted fault: a
 * fault for the station first, then one for every station, oldest first. A counted fault loses
 * one (and goes at zero); a fault "until cleared" stays.
 */
export async function claimTrainingFault({
  db,
  persoStation,
}: {
  db: Executor;
  persoStation: string;
}): Promise<TrainingFault | null> {
  const { rows } = await db.execute<{ kind: TrainingFault }>(sql`
    with f as (
      select t.id, t.kind, t.remaining from training_faults t
       where t.station_id is null
          or t.station_id in (select s.id from stations s where s.perso_station = ${persoStation})
       order by (t.station_id is null), t.created_at
       limit 1
       for update skip locked
    ), counted as (
      update training_faults t set remaining = t.remaining - 1 from f where t.id = f.id and f.remaining > 1
      returning 1
    ), gone as (
      delete from training_faults t using f where t.id = f.id and f.remaining = 1
      returning 1
    )
    select kind from f`);
  return rows[0]?.kind ?? null;
}

export async function addTrainingFault({
  db,
  stationId,
  kind,
  remaining,
  createdBy,
}: {
  db: Executor;
  stationId: string | null;
  kind: TrainingFault;
  remaining: number | null;
  createdBy: string;
}) {
  const [row] = await db.insert(trainingFaults).values({ stationId, kind, remaining, createdBy }).returning();
  return row!;
}

export async function clearTrainingFault({ db, id }: { db: Executor; id: string }) {
  const rows = await db.delete(trainingFaults).where(eq(trainingFaults.id, id)).returning({ id: trainingFaults.id });
  return rows.length > 0;
}

/** The active drills, oldest first, with their station's label (null: every station). */
export function listTrainingFaults({ db }: { db: Executor }) {
  return db
    .select({
      id: trainingFaults.id,
      kind: trainingFaults.kind,
      remaining: trainingFaults.remaining,
      stationId: trainingFaults.stationId,
      stationLabel: stations.label,
      persoStation: stations.persoStation,
      createdAt: trainingFaults.createdAt,
    })
    .from(trainingFaults)
    .leftJoin(stations, eq(stations.id, trainingFaults.stationId))
    .orderBy(asc(trainingFaults.createdAt));
}

/** Switches a user in or out of training; the row before, or null when the user does not exist. */
export async function setUserTraining({ db, id, training }: { db: Executor; id: string; training: boolean }) {
  const [before] = await db
    .select({ training: users.training, email: users.email })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  if (!before) return null;
  await db
    .update(users)
    .set({ training, updatedAt: sql`now()` })
    .where(eq(users.id, id));
  return before;
}

export async function setBranchTraining({ db, id, training }: { db: Executor; id: string; training: boolean }) {
  const [before] = await db
    .select({ training: branches.training, code: branches.code })
    .from(branches)
    .where(eq(branches.id, id))
    .for("update");
  if (!before) return null;
  await db
    .update(branches)
    .set({ training, updatedAt: sql`now()` })
    .where(eq(branches.id, id));
  return before;
}

/** Who is in training: users by their own flag, and branches (everyone there is). */
export async function listInTraining({ db }: { db: Executor }) {
  const [trainees, trainingBranches] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, branchCode: branches.code })
      .from(users)
      .leftJoin(branches, eq(branches.id, users.branchId))
      .where(and(eq(users.training, true), eq(users.active, true)))
      .orderBy(asc(users.email)),
    db
      .select({ id: branches.id, code: branches.code, name: branches.name })
      .from(branches)
      .where(eq(branches.training, true))
      .orderBy(asc(branches.code)),
  ]);
  return { users: trainees, branches: trainingBranches };
}

export type WipeCounts = { jobs: number; events: number; queued: number };

/**
 * Deletes every training job with its events and its queued submission. Real work is untouched:
 * training jobs have no stock rows and no audit entries (docs/training.md), and no real job refers
 * to one (a real user never sees a training job, so never retries, moves or replaces it).
 */
export async function wipeTrainingData({ db }: { db: Executor }): Promise<WipeCounts> {
  const { rows } = await db.execute<WipeCounts>(sql`
    with t as (
      select id from issuance_jobs where training
    ), queued as (
      -- graphile-worker's own call: a submission running right now is left to finish (it skips a
      -- job that no longer exists).
      select graphile_worker.remove_job('submit:' || id::text) as removed from t
    ), events as (
      delete from job_events e where e.job_id in (select id from t)
      returning 1
    ), jobs as (
      delete from issuance_jobs j where j.id in (select id from t)
      returning 1
    )
    select (select count(*) from jobs)::int as jobs, (select count(*) from events)::int as events,
           (select count(removed) from queued)::int as queued`);
  return rows[0] ?? { jobs: 0, events: 0, queued: 0 };
}

/** What the training page offers: every station (with its branch), and how many training requests exist. */
export async function trainingChoices({ db }: { db: Executor }) {
  const [stationRows, counted] = await Promise.all([
    db
      .select({
        id: stations.id,
        label: stations.label,
        persoStation: stations.persoStation,
        branchCode: branches.code,
      })
      .from(stations)
      .innerJoin(branches, eq(branches.id, stations.branchId))
      .orderBy(asc(branches.code), asc(stations.persoStation)),
    db.execute<{ n: number }>(sql`select count(*)::int as n from issuance_jobs where training`),
  ]);
  return { stations: stationRows, trainingJobs: counted.rows[0]?.n ?? 0 };
}
