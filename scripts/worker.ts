// npm run worker — the issuance worker on its own, for banks that run it apart from the web
// instances (every web instance also runs one; the queue in PostgreSQL shares the work).
// Run with the react-server condition so server-only modules load outside Next.js.
// SIGTERM/SIGINT: finishes the running job (or hands it back when SHUTDOWN_GRACE_SECONDS runs
// short), closes the pool and exits 0, as a web instance does (lib/shutdown).
import { loadDotEnv } from "./lib/dotenv.ts";

loadDotEnv();
const { env } = await import("../lib/env.ts");
// Traces and metrics (METRICS_PORT) as in the web instances.
const { startObservability } = await import("../lib/observability.ts");
await startObservability(env);
const { startIssuanceWorker } = await import("../lib/issuance/start.ts");
const { stopWorker } = await import("../lib/issuance/worker.ts");
const { pool } = await import("../db/index.ts");

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the running job`);
  const worker = await stopWorker(env.SHUTDOWN_GRACE_SECONDS * 1000 - 1_500);
  await pool()
    .end()
    .catch(() => {});
  console.log(`[worker] stopped (job ${worker})`);
  process.exit(0);
}
process.on("SIGTERM", (signal) => void stop(signal));
process.on("SIGINT", (signal) => void stop(signal));

await startIssuanceWorker();
console.log("[worker] issuance worker running; Ctrl-C to stop");
