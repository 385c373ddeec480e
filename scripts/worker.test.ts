// `npm run worker` re-reads D1's key files on SIGHUP (docs/key-rotation.md). The embedded
// PostgreSQL package hooks SIGHUP to end the process, so the worker must not load it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

function sighupListenersAfterImporting(modules: string[]): string {
  const script = path.join(tmpdir(), `bii-worker-imports-${randomBytes(4).toString("hex")}.mts`);
  const imports = modules.map((m) => `await import(${JSON.stringify(path.resolve(m))});`).join("\n");
  writeFileSync(script, `${imports}\nconsole.log(process.listenerCount("SIGHUP"));\nprocess.exit(0);\n`);
  try {
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", script], {
      encoding: "utf8",
    });
    return result.stdout.trim();
  } finally {
    rmSync(script, { force: true });
  }
}

/** The modules scripts/worker.ts imports (statically or with import()), without running it. */
function workerImports(): string[] {
  const source = readFileSync("scripts/worker.ts", "utf8");
  return [...source.matchAll(/(?:from |import\()"(\.[^"]+)"/g)].map((m) => path.join("scripts", m[1]!));
}

it("the worker's modules leave SIGHUP alone; the embedded PostgreSQL package would not", () => {
  const modules = workerImports();
  expect(modules).toEqual([
    "scripts/lib/dotenv.ts",
    "lib/env.ts",
    "lib/observability.ts",
    "lib/issuance/start.ts",
    "lib/issuance/worker.ts",
    "db/index.ts",
  ]);
  expect(sighupListenersAfterImporting(modules)).toBe("0");
  // The check can fail: the module npm start uses does hook SIGHUP.
  expect(Number(sighupListenersAfterImporting(["db/embedded.ts"]))).toBeGreaterThan(0);
});
