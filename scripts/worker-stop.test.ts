// `npm run worker` stops on SIGTERM as a web instance does: it takes no new job, finishes the
// one it runs, closes the pool and exits 0. Against a database of its own (the queue of the
// run's shared database belongs to the queue tests) and the D1 simulator, so the worker really
// starts.
import { spawn } from "node:child_process";
import path from "node:path";
import { inject, expect, it } from "vitest";
import { createDatabaseOn } from "@/db/testing/database";
import { startSimulatorFor } from "@/scripts/lib/app-harness";
import { until } from "@/test-support/until";

it("exits 0 on SIGTERM after stopping its worker", async () => {
  const database = await createDatabaseOn(inject("databaseServerUrl"));
  const sim = await startSimulatorFor("http://127.0.0.1:9");
  try {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, ...sim.appEnv, DATABASE_URL: database.url, LOG_FILE: "", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await until(() => output.includes("issuance worker started"), "the worker to start", 30_000);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("[worker] stopped (job finished)");
  } finally {
    await sim.stop();
    await database.drop();
  }
}, 60_000);
