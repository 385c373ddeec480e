// 7. Page weight: first-load JavaScript of the teller's pages from the build output
// (.next/diagnostics/route-bundle-stats.json lists each route's first-load chunks), gzipped here
// at level 9 as a CDN would serve it; and the time until the counter's search box is hydrated
// (React has attached its handlers) in Chromium. Baseline: a bare Next.js page with one client
// input (bench/baseline-next), built with the same Next.js.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { bareNextDir, startBareNext } from "./lib/baselines";
import type { Context } from "./lib/context";
import { check, row, type Row } from "./lib/results";
import { round, summarize } from "./lib/stats";
import { chromiumLaunchOptions } from "../scripts/lib/chromium.ts";
import { appDir, say } from "./lib/stack";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

function firstLoad(appDir: string, route: string): { gzipKB: number; rawKB: number } {
  const stats = JSON.parse(
    readFileSync(path.join(appDir, ".next/diagnostics/route-bundle-stats.json"), "utf8"),
  ) as RouteStats[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`no build stats for ${route} in ${appDir}`);
  let gz = 0;
  let raw = 0;
  for (const chunk of entry.firstLoadChunkPaths) {
    const bytes = readFileSync(path.join(appDir, chunk));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { gzipKB: gz / 1000, rawKB: raw / 1000 };
}

/** Milliseconds from navigation start until #customer-search carries React's props (hydrated). */
async function timeToInteractive(
  browser: Browser,
  url: string,
  cookie: string | null,
  runs: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext();
    if (cookie) {
      const [name, ...value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value.join("="), url }]);
    }
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    const ms = await page.waitForFunction(
      () => {
        const el = document.getElementById("customer-search");
        return el && Object.keys(el).some((k) => k.startsWith("__reactProps")) ? performance.now() : false;
      },
      undefined,
      { polling: "raf", timeout: 30_000 },
    );
    const value = (await ms.jsonValue()) as number;
    if (i > 0) out.push(value); // the first load warms the server's route
    await context.close();
  }
  return out;
}

export async function pageWeightBenchmark(ctx: Context): Promise<Row[]> {
  const bare = await startBareNext();
  const rows: Row[] = [];
  try {
    const base = firstLoad(bareNextDir, "/search");
    const benchmark = "page weight";
    const baseName = "bare Next.js page";
    for (const route of ["/teller", "/teller/customers/[customerId]", "/teller/jobs/[jobId]"]) {
      const w = firstLoad(appDir(), route);
      rows.push(
        row({
          benchmark,
          metric: `first-load JS ${route}`,
          value: round(w.gzipKB, 1),
          unit: "kB gzip",
          baseline: round(base.gzipKB, 1),
          baselineName: baseName,
          target: "< 200 kB",
          met: check(w.gzipKB, "<", 200),
          note: `${round(w.rawKB, 0)} kB uncompressed (bare page ${round(base.rawKB, 0)} kB)`,
        }),
      );
    }
    say("page weight: time to an interactive search box in Chromium…");
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const runs = ctx.opts.quick ? 5 : 10;
      const app = summarize(await timeToInteractive(browser, `${ctx.app.url}/teller`, await ctx.tellerCookie(), runs));
      const baseTti = summarize(await timeToInteractive(browser, `${bare.url}/search`, null, runs));
      rows.push(
        row({
          benchmark,
          metric: "search box interactive p50 (/teller, cold cache)",
          value: round(app.p50, 0),
          unit: "ms",
          baseline: round(baseTti.p50, 0),
          baselineName: baseName,
          note: `p95 ${round(app.p95, 0)} ms over ${app.n} loads (bare ${round(baseTti.p95, 0)} ms)`,
        }),
      );
    } finally {
      await browser.close();
    }
  } finally {
    await bare.proc.stop();
  }
  return rows;
}
