// npm run worker — the issuance worker on its own, for banks that run it apart from the web
// instances (every web instance also runs one; the queue in PostgreSQL shares the work).
// Run with the react-server condition so server-only modules load outside Next.js.
import { loadDotEnv } from "./lib/dotenv.ts";

loadDotEnv();
const { env } = await import("../lib/env.ts");
// Traces and metrics (METRICS_PORT) as in the web instances.
const { startObservability } = await import("../lib/observability.ts");
await startObservability(env);
const { startIssuanceWorker } = await import("../lib/issuance/start.ts");
await startIssuanceWorker();
console.log("[worker] issuance worker running; Ctrl-C to stop");
