// The teller's sentences about a job in English (state-message.ts holds the logic and the keys;
// the job page renders them in the user's language). For tests, logs and server text that has no
// user: the same messages as the screen, never a second copy of the words.
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en/teller.json";
import enCommon from "@/lib/i18n/messages/en/common.json";
import { approvalReasons } from "./approval-words";
import { exceptionMessage, stateMessage, type StateMessage, type StateMessageJob } from "./state-message";

const t = createTranslator({ locale: "en", messages: { JobSentence: en.JobSentence, Vocab: enCommon.Vocab } });

function english(message: StateMessage): string {
  const reasons: Record<string, string> =
    message.rules !== undefined ? { reasons: approvalReasons(message.rules) } : {};
  return t(`JobSentence.${message.key}`, { ...message.values, ...reasons });
}

export const exceptionAdvice = (job: { state: string; errorMessage: string | null }): string =>
  english(exceptionMessage(job));

export const stateSentence = (job: StateMessageJob): string => english(stateMessage(job));
