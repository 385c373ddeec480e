// The card-data scan of one e2e run: computes the PAN of every job in the run's database with the
// same SimulatedCardSystem the app's worker used, then looks for those PANs (also written
// with spaces or dashes) in every row of every table, in the app's log and output, and in every
// response the browsers received. Prints a JSON summary; never prints a PAN (hits name the job
// and the last four digits). The card system stub (sim/card-system.ts, CARD_SYSTEM=http) derives
// its PANs the same way (lib/card-system/http.test.ts holds it), so a run through the HTTP card
// system is scanned for the right PANs too.
// Run with `tsx --conditions=react-server` (the card system is server-only code).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { SimulatedCardSystem } from "../../lib/card-system/simulated.ts";
import { findPans, type Hit, type Pan } from "../../test-support/find-pans.ts";
import { APP_LOG, APP_OUTPUT, RESPONSES_DIR, readRunInfo } from "./run-dir.ts";

async function jobPans(client: pg.Client): Promise<{ pans: Pan[]; jobs: number }> {
  const { rows } = await client.query<{
    id: string;
    card_id: string;
    name_on_card: string;
    bin: string;
    pan_length: number;
    expiry_months: number;
  }>(
    `select j.id, j.card_id, j.name_on_card, p.bin, p.pan_length, p.expiry_months
       from issuance_jobs j join card_products p on p.id = j.product_id`,
  );
  const source = new SimulatedCardSystem();
  const pans: Pan[] = [];
  for (const job of rows) {
    const request = {
      jobId: job.id,
      cardId: job.card_id,
      nameOnCard: job.name_on_card,
      product: { bin: job.bin, panLength: job.pan_length, expiryMonths: job.expiry_months },
    };
    // A product the source refuses never produced a PAN (the job failed before D1).
    const data = await source.allocate(request).catch(() => null);
    if (data) pans.push({ jobId: job.id, pan: data.pan });
  }
  return { pans, jobs: rows.length };
}

async function scanDatabase(client: pg.Client, pans: readonly Pan[]) {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  let rows = 0;
  let bytes = 0;
  const hits: Hit[] = [];
  for (const t of tables) {
    const ident = `${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)}`;
    const result = await client.query<{ r: string }>(`select to_jsonb(t)::text as r from ${ident} t`);
    const text = result.rows.map((r) => r.r).join("\n");
    rows += result.rows.length;
    bytes += Buffer.byteLength(text);
    hits.push(...findPans(`database ${t.schema}.${t.name}`, text, pans));
  }
  return { tables: tables.length, rows, bytes, hits };
}

function scanFiles(label: string, files: string[], pans: readonly Pan[]) {
  let bytes = 0;
  let responses = 0;
  const hits: Hit[] = [];
  for (const file of files.filter((f) => existsSync(f))) {
    // latin1 keeps every byte, so binary bodies cannot break the decoding of what follows.
    const text = readFileSync(file, "latin1");
    bytes += text.length;
    responses += text.split("\n=== ").length - 1;
    hits.push(...findPans(`${label} ${path.basename(file)}`, text, pans));
  }
  return { files: files.length, bytes, responses, hits };
}

const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
await client.connect();
try {
  const { pans, jobs } = await jobPans(client);
  const database = await scanDatabase(client, pans);
  const log = scanFiles("app log", [APP_LOG], pans);
  const output = scanFiles("app output", [APP_OUTPUT], pans);
  const responseFiles = existsSync(RESPONSES_DIR)
    ? readdirSync(RESPONSES_DIR).map((f) => path.join(RESPONSES_DIR, f))
    : [];
  const responses = scanFiles("browser responses", responseFiles, pans);
  // Proof that the matcher finds a PAN when there is one, in the form a person would type it.
  const first = pans[0];
  const canary = first ? `card ${first.pan.replace(/(\d{4})(?=\d)/g, "$1 ")} issued` : "";
  const canaryDetected = first ? findPans("canary", canary, [first]).length === 1 : false;
  const summary = {
    jobs,
    pans: pans.length,
    canaryDetected,
    database: { tables: database.tables, rows: database.rows, bytes: database.bytes },
    log: { bytes: log.bytes },
    output: { bytes: output.bytes },
    responses: { files: responses.files, responses: responses.responses, bytes: responses.bytes },
    hits: [...database.hits, ...log.hits, ...output.hits, ...responses.hits],
  };
  process.stdout.write(JSON.stringify(summary));
} finally {
  await client.end();
}
