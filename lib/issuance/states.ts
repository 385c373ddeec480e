// The issuance job state machine: how far each state has got, which D1 production status leads
// where (the screens name a state with Vocab.jobState). The states themselves are in lib/vocabulary.ts. The
// database mirrors `rank` in issuance_state_rank() so that concurrent notifications are applied
// safely in SQL (tested against each other in states.test.ts).
import { JOB_STATES, type JobState } from "@/lib/vocabulary";

export const RANK: Record<JobState, number> = {
  // Not sent to D1 before a manager approves it; approval moves it to submitting (same rank: no
  // D1 status can reach a card D1 has never been told about).
  awaiting_approval: 0,
  submitting: 0,
  requested: 1,
  ready: 2,
  done: 3,
  data_exception: 3,
  production_exception: 3,
  canceled: 3,
  submission_failed: 3,
  // After D1's last word: the teller recorded that the customer has the card. D1 updates never
  // reach it (they apply below rank 3 only).
  handed_over: 4,
  // A manager refused the request: final, nothing was sent to D1.
  rejected: 3,
};

/** States in which D1's production is over (successfully or not). */
export const FINAL_STATES: readonly JobState[] = JOB_STATES.filter((s) => RANK[s] >= 3);

/** States of a card that was produced: at the branch (done) or in the customer's hands. */
export const PRODUCED_STATES: readonly JobState[] = ["done", "handed_over"];

export function isFinal(state: JobState): boolean {
  return RANK[state] >= 3;
}

/** D1 `details.status` for INSTANT issuance → our state; unknown values map to null (kept, not applied). */
export const D1_STATUS_TO_STATE: Record<string, JobState> = {
  CARD_PROD_REQUESTED: "requested",
  CARD_PROD_READY: "ready",
  CARD_PROD_DONE: "done",
  DATA_EXCEPTION: "data_exception",
  CARD_PROD_EXCEPTION: "production_exception",
  CARD_PROD_CANCELED: "canceled",
};

export function stateForD1Status(status: string): JobState | null {
  return D1_STATUS_TO_STATE[status] ?? null;
}

/** A move is allowed only forwards, and out of a final state only from a produced card to its hand-over. */
export function canTransition(from: JobState, to: JobState): boolean {
  if (from === "done") return to === "handed_over";
  if (from === "awaiting_approval") return to === "submitting" || to === "rejected" || to === "canceled";
  const current = RANK[from];
  if (current >= 3) return false;
  return RANK[to] > current && to !== "handed_over" && to !== "rejected";
}
