// Starts the issuance worker in this app instance with the D1 client and card system from
// settings. Without D1 settings the worker does not start: jobs stay queued and the log says why.
import "server-only";
import { cardSystem } from "@/lib/card-system";
import { d1, isRetryableD1Error } from "@/lib/d1";
import { log } from "@/lib/log";
import { trainingIssuanceDeps } from "@/lib/training/deps";
import type { IssuanceDeps } from "./deps";
import { startWorker } from "./worker";

export function issuanceDeps(): IssuanceDeps {
  return { d1: d1(), cardSystem: cardSystem(), isRetryable: isRetryableD1Error, training: trainingIssuanceDeps };
}

export async function startIssuanceWorker(): Promise<void> {
  let deps: IssuanceDeps;
  try {
    deps = issuanceDeps();
  } catch (error) {
    log.error({ err: error }, "D1 is not configured: cards will not be ordered until it is");
    return;
  }
  await startWorker(deps);
}
