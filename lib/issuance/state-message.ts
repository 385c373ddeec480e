// What a teller is told about a job, as a message key (JobSentence.*) with its values, so every
// language says it from the same logic: the job page renders it with t() (tests render it in
// English through lib/issuance/testing/english.ts). D1 publishes no reason codes for
// production exceptions (d1-api.md §10.3: `details.reason` is free text), so the advice follows
// the documented `details.status` only; D1's own words are quoted after it, never interpreted or
// translated. Pure: client components use it.
import { heldReason, refusalReason, type RefusalReason } from "./error-codes";

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
  | "submissionFailed"
  | `refused.${RefusalReason}`
  | "canceled"
  | "unknown";

/**
 * `rules`: the approval rules to name ({reasons}), put into words by the renderer. `detail`: words
 * stored with the job as they were recorded (D1's or the worker's, in English), shown after the
 * sentence as a detail for support, never as the sentence itself.
 */
export type StateMessage = {
  key: StateMessageKey;
  values?: Record<string, string>;
  rules?: readonly string[] | null;
  detail?: string;
};

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
      return { key: heldReason(job.errorCode) ?? "sending" };
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
    case "submission_failed": {
      // A known refusal in the reader's language; the recorded words (English) only as a detail.
      const refused = refusalReason(job.errorCode);
      const detail = job.errorMessage?.trim() || undefined;
      return { key: refused ? `refused.${refused}` : "submissionFailed", ...(detail ? { detail } : {}) };
    }
    case "canceled":
      return { key: "canceled" };
    default:
      return { key: "unknown" };
  }
}
