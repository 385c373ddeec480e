// npm run d1:check — the D1 pre-flight check (lib/d1/preflight.ts) from a shell, before the first
// customer: prints every step and exits non-zero naming the steps that failed. Orders no card.
// Run with the react-server condition so server-only modules load outside Next.js.
import { loadDotEnv } from "./lib/local.ts";

loadDotEnv();
const { loadEnv } = await import("../lib/env.ts");
const { runPreflight } = await import("../lib/d1/preflight.ts");
const { formatReport } = await import("../lib/d1/preflight-format.ts");

const report = await runPreflight({ settings: loadEnv() });
// Written out before exiting: an explicit exit, since an open handle (the log stream) could
// otherwise keep the process alive or overwrite the exit code.
await new Promise<void>((resolve) => process.stdout.write(`${formatReport(report)}\n`, () => resolve()));
process.exit(report.ok ? 0 : 1);
