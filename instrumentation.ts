// Next.js calls register() once per server process at start-up: the durable issuance worker runs
// inside every app instance (the queue is in PostgreSQL, so instances share the work).
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not a setting
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startIssuanceWorker } = await import("@/lib/issuance/start");
  await startIssuanceWorker();
}
