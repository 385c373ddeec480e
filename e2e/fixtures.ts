// The `test` every browser spec uses: Playwright's, plus
// - a recorder that appends every response a browser receives (status, URL, headers, body) to a
//   file per worker, for the card-data scan that runs after all specs (e2e/card-data.scan.ts);
// - a check that no page logged a Content Security Policy violation (a script without the
//   request's nonce, a blocked style or connection), so every journey also proves the CSP.
// Contexts a spec opens itself with browser.newContext() are covered too.
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Response } from "@playwright/test";
import { RESPONSES_DIR } from "./support/run-dir";

export { expect };

const recorded = new WeakSet<BrowserContext>();
const cspViolations: string[] = [];

// Build assets are immutable files from `next build`: they cannot carry a card's data, and
// recording them for every test would multiply the files by a hundred.
const isBuildAsset = (url: string) => new URL(url).pathname.startsWith("/_next/static/");

async function append(file: string, response: Response): Promise<void> {
  const head = `\n=== ${response.status()} ${response.request().method()} ${response.url()}\n${JSON.stringify(await response.allHeaders())}\n`;
  // Bodies of redirects and of streams cut off when the test ended are not available.
  const body = isBuildAsset(response.url()) ? Buffer.alloc(0) : await response.body().catch(() => Buffer.alloc(0));
  appendFileSync(file, Buffer.concat([Buffer.from(head), body]));
}

function record(context: BrowserContext, file: string): BrowserContext {
  if (recorded.has(context)) return context;
  recorded.add(context);
  context.on("response", (response) => void append(file, response).catch(() => {}));
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  return context;
}

export const test = base.extend<{ noCspViolations: void }, { responseFile: string }>({
  responseFile: [
    async ({}, provide, workerInfo) => {
      mkdirSync(RESPONSES_DIR, { recursive: true });
      await provide(
        path.join(RESPONSES_DIR, `${workerInfo.project.name}-${workerInfo.workerIndex}-${process.pid}.txt`),
      );
    },
    { scope: "worker" },
  ],
  browser: [
    async ({ browser, responseFile }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => record(await newContext(...args), responseFile);
      await provide(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context, responseFile }, provide) => {
    await provide(record(context, responseFile));
  },
  noCspViolations: [
    async ({ context }, provide) => {
      void context;
      cspViolations.length = 0;
      await provide();
      expect(cspViolations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
