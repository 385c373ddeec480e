// pgbench (Debian's client) against the run's PostgreSQL: single-row insert transactions, the
// floor under "one committed notification".
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "./stack";

const PGBENCH = process.env.PGBENCH ?? "/usr/bin/pgbench";

export async function preparePgbench(database: Db, dir: string): Promise<string> {
  await database.pool.query(`create table if not exists bench_insert (
    id bigserial primary key, job_id uuid not null, payload jsonb not null, created_at timestamptz not null default now())`);
  const script = path.join(dir, "insert.sql");
  writeFileSync(
    script,
    `insert into bench_insert (job_id, payload) values (gen_random_uuid(), '{"status": "CARD_PROD_DONE", "operationId": "op-bench"}');\n`,
  );
  return script;
}

/** Transactions per second of single-row inserts at this many clients, or null without pgbench. */
export function pgbenchInsertTps(database: Db, script: string, clients: number, seconds: number): number | null {
  const url = new URL(database.url);
  const result = spawnSync(
    PGBENCH,
    [
      "-n",
      "-M",
      "prepared",
      "-f",
      script,
      "-c",
      String(clients),
      "-j",
      String(Math.min(clients, 2)),
      "-T",
      String(seconds),
      "-h",
      url.hostname,
      "-p",
      url.port,
      "-U",
      decodeURIComponent(url.username),
      url.pathname.slice(1),
    ],
    { encoding: "utf8", env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
  );
  if (result.error || result.status !== 0) {
    console.error(`[bench] pgbench failed: ${result.error?.message ?? result.stderr}`);
    return null;
  }
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout)?.[1];
  return tps ? Number(tps) : null;
}
