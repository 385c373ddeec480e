// Test support only: what the card-data scans of the queue tests compare. The simulated card
// system (and the HTTP stub, which derives its PANs the same way) gives each job a known PAN, so
// a test can look for exactly those numbers where none may be.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { IssuanceJob } from "@/db/schema";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";

type Product = { bin: string; panLength: number; expiryMonths: number };

/** Each job with the PAN the simulated card system allocates for it. */
export async function simulatedPans(jobs: IssuanceJob[], product: Product) {
  const cards = new SimulatedCardSystem();
  return Promise.all(
    jobs.map(async (job) => {
      const card = await cards.allocate({ jobId: job.id, cardId: job.cardId, product, nameOnCard: job.nameOnCard });
      return { job, pan: card.pan };
    }),
  );
}

/** Every row card data could leak into (jobs, their events, the audit log, queued work) as text. */
export async function storedRowsText(db: Executor): Promise<string> {
  const { rows } = await db.execute<{ dump: string }>(sql`
    select coalesce(string_agg(t::text, ' '), '') as dump from (
      select to_jsonb(j)::text as t from issuance_jobs j
      union all select to_jsonb(e)::text from job_events e
      union all select to_jsonb(a)::text from audit_log a
      union all select to_jsonb(q)::text from graphile_worker.jobs q) x`);
  return rows[0]?.dump ?? "";
}
