// What a teller is told about a job, as a message key (JobSentence.*) with its values, so every
// language says it from the same logic: the job page renders it with t(), and stateSentence()
// (teller-messages.ts) renders it in English for tests and logs. D1 publishes no reason codes for
// production exceptions (d1-api.md §10.3: `details.reason` is free text), so the advice follows
// the documented `details.status` only; D1's own words are quoted after it, never interpreted or
// translated. Pure: client components use it.
import { STATION_DISABLED, STATION_EMPTY, STATION_UNBALANCED } from "./error-codes";

export type StateMessageKey =
  | "awaiting"
  | "rejected"
  | "rejectedWithNote"
  | "stationEmpty"
  | "stationUnbalanced"
  | "stationDisabled"
  | "d1Unreachable"
  | "cardSystemDown"
  | "cardSystemData"
  | "sending"
  | "requested"
  | "ready"
  | "done"
  | "doneWithCard"
  | "handedOver"
  | "dataException"
  | "dataExceptionReported"
  | "productionException"
  | "productionExceptionReported"
  | "reportedText"
  | "submissionFailed"
  | "canceled"
  | "unknown";

/** `rules`: the approval rules to name ({reasons}), put into words by the renderer. */
export type StateMessage = { key: StateMessageKey; values?: Record<string, string>; rules?: readonly string[] | null };

export type StateMessageJob = {
  state: string;
  errorCode: string | null;
  errorMessage: string | null;
  panLast4: string | null;
  /** Maker-checker: why the request waits, and why a manager rejected it. */
  approvalRules?: readonly string[] | null;
  decisionNote?: string | null;
};

export function exceptionMessage(job: { state: string; errorMessage: string | null }): StateMessage {
  const reported = job.errorMessage?.trim().replace(/\s+/g, " ").slice(0, 200);
  const base = job.state === "data_exception" ? "dataException" : "productionException";
  return reported ? { key: `${base}Reported`, values: { reported } } : { key: base };
}

export function stateMessage(job: StateMessageJob): StateMessage {
  switch (job.state) {
    case "awaiting_approval":
      return { key: "awaiting", rules: job.approvalRules ?? null };
    case "rejected": {
      const note = job.decisionNote?.trim();
      return note ? { key: "rejectedWithNote", values: { note } } : { key: "rejected" };
    }
    case "submitting":
      if (job.errorCode === STATION_EMPTY) return { key: "stationEmpty" };
      if (job.errorCode === STATION_UNBALANCED) return { key: "stationUnbalanced" };
      if (job.errorCode === STATION_DISABLED) return { key: "stationDisabled" };
      if (job.errorCode === "unavailable:d1") return { key: "d1Unreachable" };
      if (job.errorCode === "unavailable:card_system") return { key: "cardSystemDown" };
      // Only after an earlier run may have reached D1 (submit.ts): the job is kept, not ended.
      if (job.errorCode?.endsWith(":card_system")) return { key: "cardSystemData" };
      return { key: "sending" };
    case "requested":
      return { key: "requested" };
    case "ready":
      return { key: "ready" };
    case "done":
      // The last four digits can arrive after the state; never say (or announce) a placeholder.
      return job.panLast4 ? { key: "doneWithCard", values: { last4: job.panLast4 } } : { key: "done" };
    case "handed_over":
      return { key: "handedOver" };
    case "production_exception":
    case "data_exception":
      return exceptionMessage(job);
    case "submission_failed":
      // Our own or D1's explanation, as it was recorded.
      return job.errorMessage
        ? { key: "reportedText", values: { text: job.errorMessage } }
        : { key: "submissionFailed" };
    case "canceled":
      return { key: "canceled" };
    default:
      return { key: "unknown" };
  }
}
