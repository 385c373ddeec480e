// Starting the baseline servers: the bare node:http relay, and the throwaway Next.js app under
// bench/baseline-next (built once, in about 20 s, when missing or older than its sources).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../../scripts/lib/local.ts";
import { startProcess, waitForHttp, type Proc } from "./procs";
import { PORTS, say } from "./stack";

export type Server = { url: string; proc: Proc };

export async function startRelay(port: number = PORTS.relay): Promise<Server> {
  const proc = startProcess(
    "relay baseline",
    process.execPath,
    [path.join(ROOT, "bench/baseline/relay-server.ts"), String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, proc, 10_000);
  return { url, proc };
}

const NEXT_SOURCE = path.join(ROOT, "bench/baseline-next");
// Built outside the linted and type-checked tree: bench/results/*.tmp is ignored by git, ESLint and tsc.
const NEXT_BASELINE = path.join(ROOT, "bench/results/baseline-next.tmp");

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === ".next" || name === "node_modules" || name === "next-env.d.ts") continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }
  return newest;
}

export function buildBareNext(): void {
  const buildId = path.join(NEXT_BASELINE, ".next/BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSource(NEXT_SOURCE)) return;
  say("building the bare Next.js baseline app (bench/baseline-next, ~20 s)…");
  rmSync(NEXT_BASELINE, { recursive: true, force: true });
  mkdirSync(NEXT_BASELINE, { recursive: true });
  // No tsconfig.json: with one present, Next.js 16 resolves this nested app against the
  // repository's proxy.ts and instrumentation.ts; without one it writes its own and stays inside.
  for (const name of readdirSync(NEXT_SOURCE)) {
    if (name !== "tsconfig.json")
      cpSync(path.join(NEXT_SOURCE, name), path.join(NEXT_BASELINE, name), { recursive: true });
  }
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: NEXT_BASELINE,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0)
    throw new Error(`bare Next.js baseline build failed:\n${String(result.stdout)}\n${String(result.stderr)}`);
}

export async function startBareNext(port: number = PORTS.bareNext): Promise<Server> {
  buildBareNext();
  const proc = startProcess(
    "bare Next.js baseline",
    path.join(ROOT, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: NEXT_BASELINE,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/search`, proc, 60_000);
  return { url, proc };
}

export const bareNextDir = NEXT_BASELINE;
