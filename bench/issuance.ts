// 3. Issuance overhead: from the teller's issue action (HTTP, as the browser sends it) to the
// order request arriving at the D1 simulator — session check, validation, the job's commit,
// graphile-worker's pickup, card data, token, JWE and the mTLS call. Baseline: the same D1 client
// ordering a card directly from this process (token, JWE, mTLS; no app in between). The cost of
// JWE encryption and of a token-cache hit are measured in-process with lib/d1 itself.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { Pool } from "undici";
import { SimulatedCardSystem } from "../lib/card-system/simulated.ts";
import { createD1Client } from "../lib/d1/client.ts";
import { loadD1Config, type D1Settings } from "../lib/d1/config.ts";
import { encryptCardData } from "../lib/d1/jwe.ts";
import type { D1PaymentApplication, D1Services } from "../lib/d1/types.ts";
import { actionHeaders, findAction } from "./lib/actions";
import type { Context } from "./lib/context";
import { check, row, type Row } from "./lib/results";
import { round, summarize } from "./lib/stats";
import { say } from "./lib/stack";

async function waitForArrival(arrivals: Map<string, number>, cardId: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = arrivals.get(cardId);
    if (at !== undefined) return at;
    if (Date.now() > deadline)
      throw new Error(`the order for ${cardId} did not reach the simulator within ${timeoutMs} ms`);
    await sleep(2);
  }
}

export async function issuanceBenchmark(ctx: Context): Promise<Row[]> {
  const { pool } = ctx.database;
  const n = Math.max(10, Math.round(ctx.opts.samples / 1.6));
  const {
    rows: [counter],
  } = await pool.query<{
    product_id: string;
    station_id: string;
    d1_product: string;
    services: D1Services;
    payment: D1PaymentApplication;
  }>(
    `select p.id as product_id, s.id as station_id, p.d1_card_product_id as d1_product, p.services, p.payment_application as payment
       from branches b join stations s on s.branch_id = b.id and s.is_default
       join product_branches pb on pb.branch_id = b.id join card_products p on p.id = pb.product_id
      where b.code = 'BR001' and p.active order by p.name limit 1`,
  );
  if (!counter) throw new Error("no product/station for BR001");
  // With an account each: the first product (Classic Debit) is a debit card, which names one.
  const { rows: customers } = await pool.query<{ id: string; account_id: string | null }>(
    `select c.id, (select a.id from accounts a where a.customer_id = c.id order by a.account_number limit 1) as account_id
       from customers c order by md5(c.id::text) limit $1`,
    [n + 5],
  );
  const cookie = await ctx.tellerCookie();
  const http = new Pool(ctx.app.url, { connections: 2 });

  const appOverhead: number[] = [];
  const actionAnswer: number[] = [];
  try {
    say(`issuance: ${n} cards through the teller's issue action…`);
    for (let i = 0; i < n + 3; i++) {
      const { id: customerId, account_id: accountId } = customers[i % customers.length]!;
      const action = findAction("issueCardAction", { customerId });
      const body = JSON.stringify([
        {
          requestKey: randomUUID(),
          customerId,
          productId: counter.product_id,
          stationId: counter.station_id,
          reason: "CREATION",
          nameOnCard: "BENCH CUSTOMER",
          ...(accountId ? { accountId } : {}),
          // Re-runs on the same database issue to the same customers again on purpose.
          confirmDuplicate: true,
        },
      ]);
      const t0 = Date.now();
      const p0 = performance.now();
      const res = await http.request({
        method: "POST",
        path: action.pagePath,
        headers: actionHeaders(action.id, ctx.app.url, cookie),
        body,
      });
      await res.body.text();
      const answered = performance.now() - p0;
      const redirect = String(res.headers["x-action-redirect"] ?? "");
      const jobId = /\/teller\/jobs\/([0-9a-f-]{36})/.exec(redirect)?.[1];
      if (!jobId) throw new Error(`issue action answered ${res.statusCode} without a job redirect`);
      const {
        rows: [job],
      } = await pool.query<{ card_id: string }>("select card_id from issuance_jobs where id = $1", [jobId]);
      const arrived = await waitForArrival(ctx.sim.arrivals, job!.card_id);
      if (i >= 3) {
        appOverhead.push(arrived - t0);
        actionAnswer.push(answered);
      }
      await sleep(50);
    }
  } finally {
    await http.close();
  }

  // The baseline and the broken-out costs, with the app's own D1 client code in this process.
  const settings = { ...ctx.sim.appEnv, D1_TIMEOUT_MS: 10_000, D1_MAX_ATTEMPTS: 1 } as unknown as D1Settings;
  const config = loadD1Config(settings);
  const client = createD1Client(config, { logger: pino({ level: "silent" }) });
  const cards = new SimulatedCardSystem();
  const direct: number[] = [];
  const tokenMiss: number[] = [];
  const tokenHit: number[] = [];
  const jwe: number[] = [];
  try {
    say("issuance: direct D1 client orders, JWE and token cache in-process…");
    let t = performance.now();
    await client.tokens.get();
    tokenMiss.push(performance.now() - t);
    for (let i = 0; i < n + 3; i++) {
      const cardId = `bd-${randomUUID()}`;
      const card = await cards.allocate({
        jobId: randomUUID(),
        cardId,
        product: { bin: "453201", panLength: 16, expiryMonths: 48 },
        nameOnCard: "BENCH CUSTOMER",
      });
      const t0 = Date.now();
      await client.orderInstantCard({
        cardId,
        issuerRequestId: `breq-${randomUUID()}`,
        persoStation: "BR001-PS-01",
        cardProductId: counter.d1_product,
        services: { ...counter.services, issuance: "CREATION" },
        paymentApplication: counter.payment,
        cardData: card,
      });
      const arrived = await waitForArrival(ctx.sim.arrivals, cardId);
      if (i >= 3) direct.push(arrived - t0);
      await sleep(50);
    }
    const card = await cards.allocate({
      jobId: randomUUID(),
      cardId: "bench-jwe",
      product: { bin: "453201", panLength: 16, expiryMonths: 48 },
      nameOnCard: "BENCH CUSTOMER",
    });
    const key = { publicKey: config.encryption.publicKeyPem, kid: config.encryption.kid };
    for (let i = 0; i < 520; i++) {
      t = performance.now();
      await encryptCardData(card, key);
      if (i >= 20) jwe.push(performance.now() - t);
    }
    for (let i = 0; i < 10_000; i++) {
      t = performance.now();
      await client.tokens.get();
      tokenHit.push(performance.now() - t);
    }
  } finally {
    await client.close();
  }

  const o = summarize(appOverhead);
  const d = summarize(direct);
  const a = summarize(actionAnswer);
  const j = summarize(jwe);
  const h = summarize(tokenHit);
  const benchmark = "issuance overhead (issue action → order at D1 sim)";
  const baseName = "direct D1 client call";
  return [
    row({
      benchmark,
      metric: "p50",
      value: round(o.p50),
      unit: "ms",
      baseline: round(d.p50),
      baselineName: baseName,
      note: `${o.n} cards, sequential`,
    }),
    row({
      benchmark,
      metric: "p99",
      value: round(o.p99),
      unit: "ms",
      baseline: round(d.p99),
      baselineName: baseName,
      target: "< 50 ms",
      met: check(o.p99, "<", 50),
    }),
    row({
      benchmark,
      metric: "issue action answered p50",
      value: round(a.p50),
      unit: "ms",
      note: `p99 ${round(a.p99)} ms (includes rendering the job page it redirects to)`,
    }),
    row({
      benchmark,
      metric: "JWE encryption p50",
      value: round(j.p50 * 1000, 0),
      unit: "µs",
      note: `p99 ${round(j.p99 * 1000, 0)} µs (ECDH-ES + A256GCM, jose)`,
    }),
    row({
      benchmark,
      metric: "token cache hit p50",
      value: round(h.p50 * 1000, 2),
      unit: "µs",
      baseline: round((tokenMiss[0] ?? Number.NaN) * 1000, 0),
      baselineName: "token fetch (miss)",
      note: `p99 ${round(h.p99 * 1000, 2)} µs`,
    }),
  ];
}
