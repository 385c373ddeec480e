// The groups the Counter's lists filter by: what a request amounts to, read truthfully from the
// job. A canceled request reads "Canceled" even if it failed first, a request issued again (a
// retried failure, or a moved request, which canceled this one) reads "Retried or moved", a produced card
// reads "not handed over" until it is. lib/issuance/outcome.ts words a single request for its page
// and badges. The screen filters the day's rows with listGroup (listJobs's SQL knows only the raw
// state). No imports beyond the vocabulary and the English messages: it runs in the browser too.
import en from "@/lib/i18n/messages/en/common.json";
import { FAILED_STATES, type JobState } from "@/lib/vocabulary";

export const LIST_GROUPS = [
  "awaiting_approval",
  "in_progress",
  "failed",
  "produced",
  "handed_over",
  "retried",
  "canceled",
  "rejected",
] as const;
export type ListGroup = (typeof LIST_GROUPS)[number];

export const LIST_GROUP_LABEL: Record<ListGroup, string> = en.Vocab.listGroup;

export type ListGroupFacts = { state: JobState; canceledAt: string | Date | null; retriedAs: string | null };

export function listGroup(job: ListGroupFacts): ListGroup {
  // Issued again (a retry, or a move that canceled this one): the new request carries on.
  if (job.retriedAs !== null) return "retried";
  if (job.state === "canceled" || job.canceledAt !== null) return "canceled";
  if (job.state === "awaiting_approval") return "awaiting_approval";
  if (job.state === "rejected") return "rejected";
  if (job.state === "handed_over") return "handed_over";
  if (job.state === "done") return "produced";
  if (FAILED_STATES.includes(job.state)) return "failed";
  return "in_progress";
}

/** Whether a card exists to speak of: only then is its number (the last four digits) shown. */
export const cardWasProduced = (state: JobState) => state === "done" || state === "handed_over";
