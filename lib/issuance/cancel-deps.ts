// The D1 client a cancel or move uses: the app's, from settings. Without D1 settings no order
// was ever sent, but a cancel must still be recorded, so D1 is then "could not be asked".
import "server-only";
import { d1 } from "@/lib/d1";
import { log } from "@/lib/log";
import { trainingCancelDeps } from "@/lib/training/deps";
import type { CancelDeps } from "./cancel";

/** `training`: the job is a training job, whose cancel asks the training simulator (docs/training.md). */
export function cancelDeps(training: boolean): CancelDeps {
  if (training) return trainingCancelDeps();
  try {
    return { d1: d1() };
  } catch (error) {
    log.error({ err: error }, "cancel: D1 is not configured");
    return {
      d1: {
        cancelProduction: () => Promise.resolve({ outcome: "unreachable" }),
        getProductionStatus: () => Promise.reject(error instanceof Error ? error : new Error(String(error))),
      },
    };
  }
}
