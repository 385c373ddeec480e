// The codes a held job carries while the worker keeps its order back (lib/issuance/submit.ts).
// Neutral ground: the worker sets them, the live channel writes them into a cached job
// (lib/events/apply-event.ts) and the teller's words read them (teller-messages.ts), so none of
// those imports another's module for a constant.

/** The job's error code while its station is disabled. */
export const STATION_DISABLED = "disabled:station";
/** The job's error code while its station has no blank cards of the product's stock. */
export const STATION_EMPTY = "empty:station";
/** The job's error code while an earlier day's end-of-day difference at its station is unexplained. */
export const STATION_UNBALANCED = "unbalanced:station";
