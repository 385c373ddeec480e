// Puts lib/shutdown/graceful.ts in charge of SIGTERM and SIGINT in the server process
// (instrumentation.ts). Next.js's own handler would close the server and exit 143 without
// draining or stopping the worker: whoever starts server.js sets NEXT_MANUAL_SIG_HANDLE=true so
// that Next.js leaves the signals to us (the Dockerfile, scripts/lib/standalone.ts).
import "server-only";
import { eventHub } from "@/lib/events/listener";
import { env } from "@/lib/env";
import { stopWorker } from "@/lib/issuance/worker";
import { log } from "@/lib/log";
import { stopTrainingSimulator } from "@/lib/training/deps";
import { pool } from "@/db";
import { stopObservability } from "@/lib/observability";
import { shutDown } from "./graceful";
import { closeIdleConnections, closeServers, watchServers } from "./servers";

const shutdownLog = log.child({ component: "shutdown" });

export function installGracefulShutdown(): void {
  if (!env.NEXT_MANUAL_SIG_HANDLE) {
    if (env.NODE_ENV === "production")
      shutdownLog.warn("NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next.js exits without draining");
    return;
  }
  watchServers();
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void shutDown(signal, {
      drainMs: env.SHUTDOWN_DRAIN_SECONDS * 1000,
      graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
      closeServers,
      closeIdleConnections,
      // The worker first (a training card in flight gets its answer), then the training simulator.
      stopWorker: (timeoutMs) => stopWorker(timeoutMs).finally(() => stopTrainingSimulator().catch(() => {})),
      closeListener: () => eventHub.close(),
      // The pool, then the spans still buffered for the trace collector (when tracing is on).
      closePool: () =>
        pool()
          .end()
          .then(() => stopObservability(env)),
      log: (fields, message) => shutdownLog.info(fields, message),
      exit: (code) => {
        // The log goes to a file asynchronously; what is buffered is written before exiting.
        shutdownLog.flush(() => process.exit(code));
        setTimeout(() => process.exit(code), 200).unref();
      },
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
