// What an instance does on SIGTERM (or SIGINT), in order, within SHUTDOWN_GRACE_SECONDS:
// 1. readiness answers 503, and for SHUTDOWN_DRAIN_SECONDS nothing else changes, so that a
//    load balancer notices and stops sending new requests while the instance still serves;
// 2. the http server stops taking connections, and open event streams are told to reconnect
//    (an SSE `retry:` of about a second, then the end of the stream: the browser reconnects
//    through the load balancer to another instance and resumes from Last-Event-ID);
// 3. the issuance worker finishes the job it is running (a D1 order in flight completes), or,
//    if the grace runs short, hands it back to the queue for another instance;
// 4. the LISTEN connection and the database pool are closed, and the process exits 0.
// If a step hangs, the process exits 1 just before the grace ends; nothing is lost either way
// (the queue is in PostgreSQL and reconciliation asks D1 before ordering again).
import { closeStreams, startDraining } from "./state";

export type ShutdownSteps = {
  drainMs: number;
  graceMs: number;
  /** Stops taking connections; resolves once every open request has ended. */
  closeServers(): Promise<void>;
  /** Lets go of keep-alive connections that have become idle. */
  closeIdleConnections(): void;
  /** Finishes or hands back the running job within `timeoutMs`; says which. */
  stopWorker(timeoutMs: number): Promise<string>;
  closeListener(): Promise<void>;
  closePool(): Promise<void>;
  log(fields: Record<string, unknown>, message: string): void;
  exit(code: number): void;
};

/** Room kept at the end of the grace for closing the listener and the pool and exiting. */
const CLOSE_RESERVE_MS = 1_500;
const IDLE_SWEEP_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const within = <T>(promise: Promise<T>, ms: number): Promise<T | "timed out"> =>
  Promise.race([promise, sleep(Math.max(0, ms)).then(() => "timed out" as const)]);

export async function shutDown(signal: string, steps: ShutdownSteps): Promise<void> {
  const started = Date.now();
  const left = () => steps.graceMs - (Date.now() - started);
  // The backstop: whatever hangs, the process is gone within the grace.
  const backstop = setTimeout(() => {
    steps.log({ event: "shutdown_overdue", signal }, "shutdown: grace period over, exiting now");
    steps.exit(1);
  }, steps.graceMs - 250);
  backstop.unref();

  startDraining();
  steps.log({ event: "shutdown_draining", signal, drainMs: steps.drainMs }, "shutdown: readiness now 503");
  await sleep(steps.drainMs);

  const requestsDone = steps.closeServers();
  const streams = closeStreams();
  steps.log({ event: "shutdown_closing", streams }, "shutdown: server closed, event streams sent elsewhere");
  const sweep = setInterval(() => steps.closeIdleConnections(), IDLE_SWEEP_MS);
  const [worker, requests] = await Promise.all([
    steps.stopWorker(left() - CLOSE_RESERVE_MS).catch((err: unknown) => `failed: ${String(err)}`),
    within(requestsDone, left() - CLOSE_RESERVE_MS),
  ]);
  clearInterval(sweep);

  await within(
    steps.closeListener().catch(() => {}),
    500,
  );
  await within(
    steps.closePool().catch(() => {}),
    500,
  );
  clearTimeout(backstop);
  steps.log(
    {
      event: "shutdown_done",
      worker,
      requests: requests === "timed out" ? "cut off" : "done",
      ms: Date.now() - started,
    },
    "shutdown: done",
  );
  steps.exit(0);
}
