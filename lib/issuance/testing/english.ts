// The job's sentences and the approval reasons in English, for tests only: the screens render
// the same keys (state-message.ts, approval-words.ts) in the reader's language, and nothing on
// the server needs them in English.
import { wordsIn } from "@/lib/i18n/message";
import { approvalReasonsIn, type ReasonWords } from "../approval-words";
import { exceptionMessage, stateMessage, type StateMessage, type StateMessageJob } from "../state-message";

const sentence = wordsIn("en", "JobSentence");
const vocab = wordsIn("en", "Vocab");
const form = wordsIn("en", "IssueForm");

const english: ReasonWords = {
  rule: (r) => vocab(`approvalRule.${r}`),
  none: () => form("noRule"),
  and: (first, last) => form("andList", { first, last }),
};

export const approvalReasons = (rules: readonly string[] | null | undefined) => approvalReasonsIn(english, rules);

function render(message: StateMessage): string {
  const reasons: Record<string, string> =
    message.rules !== undefined ? { reasons: approvalReasons(message.rules) } : {};
  const text = sentence(message.key, { ...message.values, ...reasons });
  return message.detail ? `${text} ${sentence("detail", { text: message.detail })}` : text;
}

export const exceptionAdvice = (job: { state: string; errorMessage: string | null }): string =>
  render(exceptionMessage(job));

export const stateSentence = (job: StateMessageJob): string => render(stateMessage(job));
