// 4. Customer lookup at one million customers, on a labelled set (bench/lib/labelled-queries.ts):
// for 1,000 seeded customers, a query of each kind the issue lists with the customer it must find.
// Recall@1 and recall@8 over every labelled query (the query function, i.e. the one statement);
// latency of the counter's search action over HTTP (session, role, zod, the statement, the RSC
// answer) for --samples queries per kind, next to the very same SQL text and parameters via pg.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { Pool } from "undici";
import { searchCustomers } from "../db/queries/customers.ts";
import * as schema from "../db/schema/index.ts";
import { actionHeaders, findAction } from "./lib/actions";
import type { Context } from "./lib/context";
import { matches, QUERY_KINDS, queriesFor, type LabelledCustomer, type QueryKind } from "./lib/labelled-queries";
import { check, row, type Row } from "./lib/results";
import { round, summarize } from "./lib/stats";
import { say } from "./lib/stack";

/** Customers in the labelled set. */
const LABELLED = 1000;

async function pickCustomers(pool: pg.Pool, n: number): Promise<LabelledCustomer[]> {
  const { rows } = await pool.query<LabelledCustomer>(
    `select id, customer_number as "customerNumber", given_name as "givenName", family_name as "familyName",
            date_of_birth::text as "dateOfBirth", phone
       from customers where customer_number like 'C%' order by md5(customer_number) limit $1`,
    [n],
  );
  return rows;
}

type Tally = { n: number; at1: number; at8: number; app: number[]; sql: number[] };

export async function lookupBenchmark(ctx: Context): Promise<Row[]> {
  const { rows: count } = await ctx.database.pool.query<{ n: number }>("select count(*)::int as n from customers");
  const customers = count[0]?.n ?? 0;
  const labelled = (await pickCustomers(ctx.database.pool, LABELLED)).flatMap(queriesFor);
  const action = findAction("searchCustomersAction");
  const cookie = await ctx.tellerCookie();
  const http = new Pool(ctx.app.url, { connections: 1 });
  const headers = actionHeaders(action.id, ctx.app.url, cookie);
  const post = async (query: string) => {
    const res = await http.request({
      method: "POST",
      path: action.pagePath,
      headers,
      body: JSON.stringify([{ query }]),
    });
    const body = await res.body.text();
    if (res.statusCode !== 200 || !body.includes('"ok":true'))
      throw new Error(`search "${query}" answered ${res.statusCode}: ${body.slice(0, 300)}`);
  };

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
  const viewer = { userId: teller.id, branchId: teller.branch_id, homeBranchId: null, training: false };
  const raw = new pg.Client({ connectionString: ctx.database.url });
  await raw.connect();

  const tally = new Map<QueryKind, Tally>(QUERY_KINDS.map((k) => [k, { n: 0, at1: 0, at8: 0, app: [], sql: [] }]));
  const misses: string[] = [];
  try {
    say(`lookup: ${labelled.length} labelled searches over ${customers.toLocaleString("en")} customers…`);
    // Warm-up: the first requests compile routes and fill caches.
    for (const q of labelled.slice(0, 9)) await post(q.query);
    for (const q of labelled) {
      const t = tally.get(q.kind)!;
      captured.last = null;
      const { hits } = await searchCustomers({ db: capturing, query: q.query, viewer });
      const statement = lastStatement();
      if (!statement) throw new Error("could not capture the search statement");
      t.n++;
      if (matches(q, hits[0])) t.at1++;
      if (hits.slice(0, 8).some((h) => matches(q, h))) t.at8++;
      else if (misses.length < 20)
        misses.push(`${q.kind}: "${q.query}" → ${q.expect.givenName} ${q.expect.familyName}`);
      if (t.app.length >= ctx.opts.samples) continue;
      const t0 = performance.now();
      await raw.query(statement.sql, statement.params);
      t.sql.push(performance.now() - t0);
      const t1 = performance.now();
      await post(q.query);
      t.app.push(performance.now() - t1);
    }
  } finally {
    await raw.end();
    await capturePool.end();
    await http.close();
  }
  if (misses.length) say(`lookup: first misses (not in the top 8):\n  ${misses.join("\n  ")}`);
  const benchmark = `customer lookup (${customers.toLocaleString("en")} customers)`;
  const all = [...tally.values()];
  const total = all.reduce((s, t) => s + t.n, 0);
  const sum = (f: (t: Tally) => number) => all.reduce((s, t) => s + f(t), 0);
  const app = summarize(all.flatMap((t) => t.app));
  const sql = summarize(all.flatMap((t) => t.sql));
  const rows: Row[] = [
    row({
      benchmark,
      metric: "recall@8 (labelled set)",
      value: round(sum((t) => t.at8) / total, 3),
      unit: "",
      target: ">= 0.99",
      met: check(sum((t) => t.at8) / total, ">=", 0.99),
      note: `${total} queries for ${LABELLED} customers, ${QUERY_KINDS.length} kinds`,
    }),
    row({
      benchmark,
      metric: "recall@1 (labelled set)",
      value: round(sum((t) => t.at1) / total, 3),
      unit: "",
      target: ">= 0.90",
      met: check(sum((t) => t.at1) / total, ">=", 0.9),
    }),
    row({
      benchmark,
      metric: "search p95 (all kinds)",
      value: round(app.p95),
      unit: "ms",
      baseline: round(sql.p95),
      baselineName: "same SQL via pg",
      target: "< 30 ms",
      met: check(app.p95, "<", 30),
      note: `p50 ${round(app.p50)} ms (SQL ${round(sql.p50)} ms) over ${app.n} searches`,
    }),
  ];
  for (const [kind, t] of tally) {
    if (t.n === 0) continue;
    const a = summarize(t.app);
    const s = summarize(t.sql);
    rows.push(
      row({
        benchmark,
        metric: `${kind}: recall@1 / @8`,
        value: round(t.at1 / t.n, 3),
        unit: "",
        note: `@8 ${round(t.at8 / t.n, 3)} (${t.at8}/${t.n})`,
      }),
      row({
        benchmark,
        metric: `${kind} p95`,
        value: round(a.p95),
        unit: "ms",
        baseline: round(s.p95),
        baselineName: "same SQL via pg",
        target: "< 30 ms",
        met: check(a.p95, "<", 30),
        note: `p50 ${round(a.p50)} ms (SQL ${round(s.p50)} ms)`,
      }),
    );
  }
  return rows;
}
