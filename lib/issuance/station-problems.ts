// What went wrong with a card, in plain words, from what the job kept: the state, our error code
// and D1's own text. D1 publishes no reason codes for production exceptions (d1-api.md §10.3:
// `details.reason` is free text; §12: no station health at all), so the kind is read from the
// words of that text; anything not recognised is said generally, never as a raw code. The one
// place that turns reasons into sentences: the station picker, the retry list and the manager's
// stations page all say the same.
import en from "@/lib/i18n/messages/en/common.json";
import type { JobState } from "@/lib/vocabulary";

export type ProblemKind =
  | "jam"
  | "out_of_stock"
  | "offline"
  | "chip"
  | "station"
  | "card_data"
  | "not_accepted"
  | "d1_unreachable"
  | "canceled";

/**
 * Short, to follow "likely unavailable:" or a count ("2 × jammed"): the English of the messages'
 * Vocab.problem, for the report CSV; the screens say the kind in the user's language.
 */
export const PROBLEM_LABEL: Record<ProblemKind, string> = en.Vocab.problem;

const KIND_ORDER = Object.keys(PROBLEM_LABEL) as ProblemKind[];

/** Problems that say something about the station itself (and make it likely unavailable). */
export const STATION_PROBLEMS: readonly ProblemKind[] = ["jam", "out_of_stock", "offline", "chip", "station"];

// D1's free text as the agent reports it; checked in this order ("offline" before "error").
const WORDS: Array<[RegExp, ProblemKind]> = [
  [/\bjam/i, "jam"],
  [/stock|no (blank )?cards? left|hopper|empty/i, "out_of_stock"],
  [/offline|not answer|did not answer|unreachable|timed? ?out|not responding/i, "offline"],
  [/chip/i, "chip"],
];

export function problemKind(job: {
  state: JobState;
  errorCode: string | null;
  errorMessage: string | null;
}): ProblemKind {
  if (job.state === "canceled") return "canceled";
  if (job.state === "data_exception") return "card_data";
  if (job.state === "submission_failed") return "not_accepted";
  if (job.state === "submitting" && job.errorCode?.startsWith("unavailable:")) return "d1_unreachable";
  const text = job.errorMessage ?? "";
  for (const [pattern, kind] of WORDS) if (pattern.test(text)) return kind;
  return "station";
}

/** The raw code behind a problem, for a tooltip beside the words: D1's or our error code, else the state. */
export const problemCode = (job: { state: JobState; errorCode: string | null }) => job.errorCode ?? job.state;

/** Exceptions of one kind (the screens say it: Vocab.problem), with the raw codes behind them for a tooltip. */
export type ReasonCount = { kind: ProblemKind; codes: string[]; count: number };

/**
 * Counts of failed jobs by their facts, gathered by plain-word kind: D1 publishes no reason
 * codes, so one kind can gather several codes (and messages). Most frequent first.
 */
export function exceptionsInWords(
  rows: { state: JobState; errorCode: string | null; errorMessage: string | null; count: number }[],
): ReasonCount[] {
  const out: ReasonCount[] = [];
  for (const row of rows) {
    const kind = problemKind(row);
    const code = problemCode(row);
    const same = out.find((e) => e.kind === kind);
    if (!same) out.push({ kind, codes: [code], count: row.count });
    else {
      same.count += row.count;
      if (!same.codes.includes(code)) same.codes.push(code);
    }
  }
  // Ties in the kinds' fixed order, so every language lists them alike.
  return out.sort((a, b) => b.count - a.count || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
