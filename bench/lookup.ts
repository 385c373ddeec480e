// 4. Customer lookup at one million customers: the counter's search action over HTTP (session,
// role, zod, the one search statement, the RSC answer) for a name with a typo, a customer number
// and a phone number. Baseline: the very same SQL text and parameters run directly through pg.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { Pool } from "undici";
import { searchCustomers } from "../db/queries/customers.ts";
import * as schema from "../db/schema/index.ts";
import { actionHeaders, findAction } from "./lib/actions";
import type { Context } from "./lib/context";
import { check, row, type Row } from "./lib/results";
import { round, summarize } from "./lib/stats";
import { say } from "./lib/stack";

type Sample = { kind: "name (typo)" | "customer number" | "phone"; query: string; expect: string };

/** Swaps two letters inside the family name: the kind of typo a teller makes at speed. */
function typo(word: string, seed: number): string {
  if (word.length < 4) return `${word}${word.at(-1) ?? ""}`;
  const i = 1 + (seed % (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

async function pickSamples(pool: pg.Pool, n: number): Promise<Sample[]> {
  const { rows } = await pool.query<{
    customer_number: string;
    given_name: string;
    family_name: string;
    phone: string;
  }>(
    `select customer_number, given_name, family_name, phone from customers
      where customer_number like 'C%' order by md5(customer_number) limit $1`,
    [n],
  );
  const samples: Sample[] = [];
  rows.forEach((r, i) => {
    samples.push({ kind: "name (typo)", query: `${r.given_name} ${typo(r.family_name, i)}`, expect: r.family_name });
    samples.push({ kind: "customer number", query: r.customer_number, expect: r.customer_number });
    // Tellers type the local form: +49 151 12345678 → 0151 12345678.
    samples.push({ kind: "phone", query: r.phone.replace(/^\+49 /, "0"), expect: r.customer_number });
  });
  return samples;
}

export async function lookupBenchmark(ctx: Context): Promise<Row[]> {
  const { rows: count } = await ctx.database.pool.query<{ n: number }>("select count(*)::int as n from customers");
  const customers = count[0]?.n ?? 0;
  const samples = await pickSamples(ctx.database.pool, ctx.opts.samples);
  const action = findAction("searchCustomersAction");
  const cookie = await ctx.tellerCookie();
  const http = new Pool(ctx.app.url, { connections: 1 });
  const headers = actionHeaders(action.id, ctx.app.url, cookie);

  // The baseline: capture the statement the query function builds, then time it on a raw client.
  type Statement = { sql: string; params: unknown[] };
  const captured: { last: Statement | null } = { last: null };
  const lastStatement = (): Statement | null => captured.last;
  const capturePool = new pg.Pool({ connectionString: ctx.database.url, max: 1 });
  const capturing = drizzle({
    client: capturePool,
    schema,
    casing: "snake_case",
    logger: { logQuery: (sql, params) => (captured.last = { sql, params }) },
  });
  // The baseline runs the same statement as the app, access-log write included, as the bench teller.
  const { rows: tellers } = await ctx.database.pool.query<{ id: string; branch_id: string | null }>(
    "select id, branch_id from users where email = 'teller@downtown.demo'",
  );
  const teller = tellers[0];
  if (!teller) throw new Error("the bench teller teller@downtown.demo is missing");
  const viewer = { userId: teller.id, branchId: teller.branch_id, homeBranchId: null };
  const raw = new pg.Client({ connectionString: ctx.database.url });
  await raw.connect();

  const times = new Map<string, { app: number[]; sql: number[]; found: number }>();
  try {
    say(`lookup: ${samples.length} searches over ${customers.toLocaleString("en")} customers…`);
    // Warm-up: the first requests compile routes and fill caches.
    for (const s of samples.slice(0, 9)) {
      const res = await http.request({
        method: "POST",
        path: action.pagePath,
        headers,
        body: JSON.stringify([{ query: s.query }]),
      });
      await res.body.text();
    }
    for (const s of samples) {
      captured.last = null;
      await searchCustomers({ db: capturing, query: s.query, viewer });
      const statement = lastStatement();
      if (!statement) throw new Error("could not capture the search statement");
      const t0 = performance.now();
      await raw.query(statement.sql, statement.params);
      const sqlMs = performance.now() - t0;

      const t1 = performance.now();
      const res = await http.request({
        method: "POST",
        path: action.pagePath,
        headers,
        body: JSON.stringify([{ query: s.query }]),
      });
      const body = await res.body.text();
      const appMs = performance.now() - t1;
      if (res.statusCode !== 200 || !body.includes('"ok":true'))
        throw new Error(`search "${s.query}" answered ${res.statusCode}: ${body.slice(0, 300)}`);
      const entry = times.get(s.kind) ?? { app: [], sql: [], found: 0 };
      entry.app.push(appMs);
      entry.sql.push(sqlMs);
      if (body.includes(s.expect)) entry.found++;
      times.set(s.kind, entry);
    }
  } finally {
    await raw.end();
    await capturePool.end();
    await http.close();
  }
  const benchmark = `customer lookup (${customers.toLocaleString("en")} customers)`;
  const rows: Row[] = [];
  for (const [kind, t] of times) {
    const app = summarize(t.app);
    const sql = summarize(t.sql);
    const note = `expected customer in the answer for ${t.found}/${t.app.length}`;
    rows.push(
      row({
        benchmark,
        metric: `${kind} p50`,
        value: round(app.p50),
        unit: "ms",
        baseline: round(sql.p50),
        baselineName: "same SQL via pg",
        note,
      }),
      row({
        benchmark,
        metric: `${kind} p95`,
        value: round(app.p95),
        unit: "ms",
        baseline: round(sql.p95),
        baselineName: "same SQL via pg",
        target: "< 30 ms",
        met: check(app.p95, "<", 30),
      }),
    );
  }
  return rows;
}
