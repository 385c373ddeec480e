// Runs after every other project (playwright.config.ts): no PAN of any job the run created may
// appear in the database, the app's log and output, or any response a browser received.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

type Summary = {
  jobs: number;
  pans: number;
  canaryDetected: boolean;
  database: { tables: number; rows: number; bytes: number };
  log: { bytes: number };
  output: { bytes: number };
  responses: { files: number; responses: number; bytes: number };
  hits: { source: string; jobId: string; last4: string }[];
};

test("no PAN of the simulated card data source appears in the database, the logs or any browser response", () => {
  test.setTimeout(120_000);
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, ["--conditions=react-server", "e2e/support/card-data-scan.ts"], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const summary = JSON.parse(out) as Summary;
  const { hits, ...figures } = summary;
  console.log(`[card-data scan] ${JSON.stringify(figures)}`);

  // It looked: the run issued cards, and every source had something to read.
  expect(summary.jobs).toBeGreaterThan(0);
  expect(summary.pans).toBeGreaterThan(0);
  expect(summary.canaryDetected).toBe(true);
  expect(summary.database.rows).toBeGreaterThan(0);
  expect(summary.log.bytes).toBeGreaterThan(0);
  expect(summary.responses.responses).toBeGreaterThan(100);
  expect(summary.responses.bytes).toBeGreaterThan(0);
  // And found nothing.
  expect(hits).toEqual([]);
});
