// Synthetic issuance jobs for the notification benchmarks, written straight into the database
// (bench setup, not the path under test), and the sequence of D1 notifications that moves them:
// every job gets REQUESTED, then READY, then DONE, so each notification applies a real step.
import type pg from "pg";

export type JobPool = { branchId: string; jobs: Array<{ id: string; cardId: string }> };

export async function createJobs(pool: pg.Pool, count: number, branchCode = "BR001"): Promise<JobPool> {
  const tag = Math.random().toString(36).slice(2, 8);
  const { rows } = await pool.query<{ id: string; card_id: string; branch_id: string }>(
    `with ctx as (
       select b.id as branch_id,
              (select id from stations s where s.branch_id = b.id order by s.is_default desc limit 1) as station_id,
              (select perso_station from stations s where s.branch_id = b.id order by s.is_default desc limit 1) as perso,
              (select id from users u where u.branch_id = b.id and u.role = 'teller' limit 1) as teller_id,
              (select p.id from card_products p join product_branches pb on pb.product_id = p.id
                where pb.branch_id = b.id limit 1) as product_id,
              (select id from customers limit 1) as customer_id
         from branches b where b.code = $1)
     insert into issuance_jobs (card_id, issuer_request_id, request_key, branch_id, customer_id, product_id,
                                station_id, perso_station, requested_by, reason, name_on_card, state)
     select 'bench-' || $2 || '-' || i, 'breq-' || $2 || '-' || i, 'bkey-' || $2 || '-' || i,
            branch_id, customer_id, product_id, station_id, perso, teller_id, 'CREATION', 'BENCH USER', 'submitting'
       from ctx, generate_series(1, $3::int) as i
     returning id, card_id, branch_id`,
    [branchCode, tag, count],
  );
  if (rows.length !== count) throw new Error(`created ${rows.length} of ${count} jobs`);
  return { branchId: rows[0]!.branch_id, jobs: rows.map((r) => ({ id: r.id, cardId: r.card_id })) };
}

const STEPS = ["CARD_PROD_REQUESTED", "CARD_PROD_READY", "CARD_PROD_DONE"] as const;

export type Notification = { jobId: string; d1Status: string; body: string };

/** Hands out notifications job-major per step, so that one job's steps are far apart in time. */
export function notificationSource(jobs: JobPool): () => Notification {
  let n = 0;
  return () => {
    const step = Math.floor(n / jobs.jobs.length);
    const job = jobs.jobs[n % jobs.jobs.length]!;
    n++;
    const d1Status = STEPS[step];
    if (!d1Status) throw new Error("the job pool is used up; create more jobs");
    const now = new Date().toISOString();
    const body = JSON.stringify({
      operations: [
        {
          operationId: `op-${job.cardId}`,
          operation: "PRODUCE",
          status: d1Status === "CARD_PROD_DONE" ? "SUCCESSFUL" : "PENDING",
          startTime: now,
          cardId: job.cardId,
          details: { status: d1Status },
        },
      ],
    });
    return { jobId: job.id, d1Status, body };
  };
}

const JOB_ID = /"jobId"\s*:\s*"([^"]+)"/;
const D1_STATUS = /"d1Status"\s*:\s*"([^"]+)"/;

/** The job and status an SSE event belongs to (PostgreSQL's json may put spaces around colons). */
export function eventKey(data: string): string | null {
  const jobId = JOB_ID.exec(data)?.[1];
  const status = D1_STATUS.exec(data)?.[1];
  return jobId && status ? `${jobId}|${status}` : null;
}

export const notificationKey = (n: Pick<Notification, "jobId" | "d1Status">) => `${n.jobId}|${n.d1Status}`;
