// The codes a held job carries while the worker keeps its order back (lib/issuance/submit.ts).
// Neutral ground: the worker sets them, the live channel writes them into a cached job
// (lib/events/apply-event.ts) and the teller's words read them (state-message.ts), so none of
// those imports another's module for a constant.

/** The job's error code while its station is disabled. */
export const STATION_DISABLED = "disabled:station";
/** The job's error code while its station has no blank cards of the product's stock. */
export const STATION_EMPTY = "empty:station";
/** The job's error code while an earlier day's end-of-day difference at its station is unexplained. */
export const STATION_UNBALANCED = "unbalanced:station";

/**
 * Why a job is held before D1 took it, from its error code: the screens say it in the reader's
 * language (JobSentence.*, Stations.testPrint.held.*), while the English words the worker stored
 * stay in the job's events and the log. null: nothing holds it (the order is being sent).
 */
export type HeldReason =
  "stationEmpty" | "stationUnbalanced" | "stationDisabled" | "d1Unreachable" | "cardSystemDown" | "cardSystemData";

export function heldReason(errorCode: string | null): HeldReason | null {
  if (errorCode === STATION_EMPTY) return "stationEmpty";
  if (errorCode === STATION_UNBALANCED) return "stationUnbalanced";
  if (errorCode === STATION_DISABLED) return "stationDisabled";
  if (errorCode === "unavailable:d1") return "d1Unreachable";
  if (errorCode === "unavailable:card_system") return "cardSystemDown";
  // Only after an earlier run may have reached D1 (submit.ts): the job is kept, not ended.
  if (errorCode?.endsWith(":card_system")) return "cardSystemData";
  return null;
}

/**
 * Why D1 (or the card system) refused an order for good, from the job's error code
 * (lib/d1/errors.ts finalError): the sentence the screens show; the words stored with the job
 * (D1's own, in English) follow only as a detail. null: a code without a sentence of its own.
 */
export type RefusalReason =
  "d1Data" | "d1Forbidden" | "d1NotFound" | "d1Conflict" | "d1TooLarge" | "cardSystemData" | "cardSystem";

export function refusalReason(errorCode: string | null): RefusalReason | null {
  if (errorCode === "invalid:d1" || errorCode === "bad_request:d1") return "d1Data";
  if (errorCode === "forbidden:d1") return "d1Forbidden";
  if (errorCode === "not_found:d1") return "d1NotFound";
  if (errorCode === "conflict:d1") return "d1Conflict";
  if (errorCode === "too_large:d1") return "d1TooLarge";
  if (errorCode === "invalid:card_system") return "cardSystemData";
  if (errorCode?.endsWith(":card_system")) return "cardSystem";
  return null;
}
