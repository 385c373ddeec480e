// Builds the app when there is no production build or the sources changed since the last one.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "./local.ts";
import { completeStandalone, STANDALONE_SERVER } from "./standalone.ts";

const INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP = path.join(ROOT, ".next", "source-stamp");

function walk(entry: string, out: string[]): void {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const name of readdirSync(full)) walk(path.join(entry, name), out);
  } else if (!entry.endsWith(".test.ts")) {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** A fingerprint of everything the build reads (paths, sizes, modification times). */
export function sourceStamp(): string {
  const files: string[] = [];
  for (const entry of INPUTS) walk(entry, files);
  return createHash("sha256").update(files.sort().join("\n")).digest("hex");
}

export function buildIsCurrent(): boolean {
  return (
    existsSync(path.join(ROOT, ".next", "BUILD_ID")) &&
    existsSync(STANDALONE_SERVER) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === sourceStamp()
  );
}

/** Runs `next build` if needed (and completes its standalone server); false when the build failed. */
export function ensureBuild(log: (line: string) => void): boolean {
  if (buildIsCurrent()) return true;
  log("Building the app (first start, or the sources changed)…");
  const stamp = sourceStamp();
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) return false;
  completeStandalone();
  writeFileSync(STAMP, stamp);
  return true;
}
