// What a teller is told about a job, in sentences that say what happened and what to do.
// D1 publishes no reason codes for production exceptions (d1-api.md §10.3: `details.reason` is
// free text), so the advice follows the documented `details.status` only (DATA_EXCEPTION or
// CARD_PROD_EXCEPTION); D1's own words are quoted after it, never interpreted.
import { awaitingSentence, rejectedSentence } from "./approval-words";
import { STATION_DISABLED, STATION_EMPTY, STATION_UNBALANCED } from "./error-codes";

const ADVICE = {
  data_exception:
    "D1 could not prepare the card data. Retry once; if it fails again, contact support with the job reference.",
  production_exception:
    "The station could not produce the card. Retry on another station, or on this one once its problem is solved; or cancel.",
} as const;

export function exceptionAdvice(job: { state: string; errorMessage: string | null }): string {
  const advice = job.state === "data_exception" ? ADVICE.data_exception : ADVICE.production_exception;
  const reported = job.errorMessage?.trim().replace(/\s+/g, " ").slice(0, 200);
  return reported ? `${advice} D1 reported: “${reported}”.` : advice;
}

export function stateSentence(job: {
  state: string;
  errorCode: string | null;
  errorMessage: string | null;
  panLast4: string | null;
  /** Maker-checker: why the request waits, and why a manager rejected it. */
  approvalRules?: readonly string[] | null;
  decisionNote?: string | null;
}): string {
  switch (job.state) {
    case "awaiting_approval":
      return awaitingSentence(job.approvalRules);
    case "rejected":
      return rejectedSentence(job.decisionNote);
    case "submitting":
      if (job.errorCode === STATION_EMPTY) {
        return "The station has no blank cards left; the request waits until it is loaded. Move it or cancel it. Nothing was sent to it.";
      }
      if (job.errorCode === STATION_UNBALANCED) {
        return "The station's blank cards did not balance at an earlier end-of-day count; the request waits until a manager explains the difference. Move it or cancel it. Nothing was sent to it.";
      }
      if (job.errorCode === STATION_DISABLED) {
        return "The station was disabled; move this request or cancel it. Nothing was sent to it.";
      }
      if (job.errorCode === "unavailable:d1") {
        return "D1 is not reachable right now. The request is kept and sent again automatically; nothing else to do.";
      }
      if (job.errorCode === "unavailable:card_system") {
        return "The bank's card system is not answering right now. The request is kept and sent again automatically; nothing else to do.";
      }
      if (job.errorCode?.endsWith(":card_system")) {
        // Only after an earlier run may have reached D1 (submit.ts): the job is kept, not ended.
        return "The bank's card system returned card data that failed our checks. The request is kept and tried again; if this stays, contact support with the job reference.";
      }
      return "Sending the order to D1…";
    case "requested":
      return "D1 accepted the order. Waiting for the station.";
    case "ready":
      return "The card data is at the station. Printing…";
    case "done":
      // The last four digits can arrive after the state; never say (or announce) a placeholder.
      return job.panLast4
        ? `Card produced. Hand the card ending in ${job.panLast4} to the customer.`
        : "Card produced. Hand the card to the customer.";
    case "handed_over":
      return "Handed over to the customer.";
    case "production_exception":
    case "data_exception":
      return exceptionAdvice(job);
    case "submission_failed":
      return job.errorMessage ?? "D1 did not accept the order. Retry on another station, or cancel.";
    case "canceled":
      return "Production was canceled.";
    default:
      return "Status unknown.";
  }
}
