// Runs the durable job queue (graphile-worker on our PostgreSQL) inside each app instance:
// submissions start within milliseconds of the commit (LISTEN/NOTIFY), and survive crashes and
// restarts because the queue is in the database.
import "server-only";
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { pool } from "@/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { continueTrace } from "@/lib/tracing/spans";
import type { IssuanceDeps } from "./deps";
import { reconcileJobs } from "./reconcile";
import { submitOrder } from "./submit";
import { trainingStarted } from "@/lib/training/deps";

const workerLog = log.child({ component: "worker" });
const logger = new Logger((scope) => (level, message, meta) => {
  const method = level === "error" ? "error" : level === "warning" ? "warn" : "debug";
  workerLog[method]({ scope, ...meta, ...causeOf(meta?.error) }, message);
});

/**
 * pino prints only an error's own fields, and a failed query's cause (a dropped connection during
 * a database restart, say) has none: name it, so the log says why a task failed.
 */
function causeOf(error: unknown): { cause?: { message: string; code?: unknown } } {
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof Error)) return {};
  const code = (cause as { code?: unknown }).code;
  return { cause: { message: cause.message, ...(code === undefined ? {} : { code }) } };
}

export function taskList(deps: IssuanceDeps): TaskList {
  return {
    submit_order: async (payload) => {
      const { jobId, traceparent } = payload as { jobId?: unknown; traceparent?: unknown };
      if (typeof jobId !== "string") return;
      // The teller's trace goes on here, in whichever instance's worker runs the job.
      await continueTrace(traceparent, "worker.submit_order", { "bii.job_id": jobId }, (span) =>
        submitOrder(jobId, deps).then((outcome) => {
          span.setAttribute("bii.outcome", outcome);
          return outcome;
        }),
      );
    },
    reconcile: async () => {
      await reconcileJobs(deps, { quietSeconds: env.RECONCILE_QUIET_SECONDS });
      // Training jobs with the training simulator, only in an instance that has started it (a
      // card another instance ordered is unknown to this one's simulator: docs/training.md).
      const training = deps.training && trainingStarted() ? await deps.training() : null;
      if (training) await reconcileJobs(training, { quietSeconds: env.RECONCILE_QUIET_SECONDS, training: true });
    },
  };
}

const globalForWorker = globalThis as unknown as { __bii_worker?: Promise<Runner> };

export function startWorker(deps: IssuanceDeps, concurrency = 4): Promise<Runner> {
  globalForWorker.__bii_worker ??= run({
    pgPool: pool(),
    concurrency,
    // The instance's graceful shutdown (lib/shutdown) stops the worker through stopWorker(); a
    // job cut off by a crash is picked up again by reconciliation, and that run asks D1 (E3)
    // before ordering again (submit.ts).
    noHandleSignals: true,
    pollInterval: 2_000,
    logger,
    taskList: taskList(deps),
    crontab: "* * * * * reconcile ?max=1",
  }).then((runner) => {
    workerLog.info({ concurrency }, "issuance worker started");
    return runner;
  });
  return globalForWorker.__bii_worker;
}

/**
 * Stops this process's worker: it takes no new job and finishes the one it runs (a D1 order in
 * flight gets its answer). If that takes longer than `timeoutMs`, the job is handed back to the
 * queue (failed for a retry), where another instance picks it up and asks D1 before ordering.
 */
export async function stopWorker(timeoutMs: number): Promise<"finished" | "handed back" | "not running"> {
  const runner = await globalForWorker.__bii_worker?.catch(() => null);
  if (!runner) return "not running";
  const stopped = runner.stop("the instance is shutting down").then(
    () => true,
    () => true,
  );
  const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), Math.max(0, timeoutMs)).unref());
  if (await Promise.race([stopped, timer])) return "finished";
  await runner.kill("the shutdown grace ran short").catch(() => {});
  return "handed back";
}
