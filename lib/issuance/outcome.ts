// What became of a request, as every screen says it (job page, customer history, board, Counter
// lists): the job state alone does not tell it, since a cancel at the counter keeps a failed
// card's state, and a retry or a move is another job. Pure, so client components use it too.
// Contract: "canceled at the counter" ⇔ canceledAt is set or state = canceled; "retried/moved"
// ⇔ another job has retry_of_job_id = this id (retriedAs).
import { FAILED_STATES, type JobState } from "@/lib/vocabulary";

export type OutcomeKind =
  "destroy" | "moved" | "retried" | "canceled" | "failed" | "rejected" | "done" | "handed_over" | "open";

export type OutcomeInput = {
  state: JobState;
  canceledAt?: Date | string | null;
  retriedAs?: string | null;
  producedAfterCancelAt?: Date | string | null;
};

/** Screens say the kind in the user's language (Outcome.*, else the state's Vocab.jobState). */
export type Outcome = { kind: OutcomeKind };

export function isCanceledAtCounter(job: Pick<OutcomeInput, "state" | "canceledAt">): boolean {
  return Boolean(job.canceledAt) || job.state === "canceled";
}

export function jobOutcome(job: OutcomeInput): Outcome {
  if (job.producedAfterCancelAt) return { kind: "destroy" };
  const canceled = isCanceledAtCounter(job);
  if (job.retriedAs) return { kind: canceled ? "moved" : "retried" };
  if (canceled) return { kind: "canceled" };
  if (FAILED_STATES.includes(job.state)) return { kind: "failed" };
  // Final, nothing was sent: not a failure a teller retries (a new request would meet the rule again).
  if (job.state === "rejected") return { kind: "rejected" };
  if (job.state === "done") return { kind: "done" };
  if (job.state === "handed_over") return { kind: "handed_over" };
  return { kind: "open" };
}

/** Still worth a teller's action: a failure nobody retried, moved or canceled. */
export function needsAction(job: OutcomeInput): boolean {
  return jobOutcome(job).kind === "failed";
}

export type CancelSummary = {
  reach: "never_sent" | "stopped" | "not_stopped";
  stationLabel: string;
};

export type CancelMessage =
  | { key: "cancelNeverSent" | "cancelStopped"; values?: undefined }
  | { key: "cancelNotStopped"; values: { station: string } };

/** What the teller is told right after a cancel, as a message key (Job.*) with its values. */
export function cancelMessage({ reach, stationLabel }: CancelSummary): CancelMessage {
  if (reach === "never_sent") return { key: "cancelNeverSent" };
  if (reach === "stopped") return { key: "cancelStopped" };
  return { key: "cancelNotStopped", values: { station: stationLabel } };
}
