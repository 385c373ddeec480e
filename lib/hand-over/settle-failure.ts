// Why activating a handed-over card, or blocking the card it replaces, failed: a reason kept in
// the job's event (detail.reason), which the hand-over screen says in the reader's language
// (HandOver.failure.*). The English words are stored beside it for the log and the audit.
// Pure: the client component reads the reason from the events.
import en from "@/lib/i18n/messages/en/teller.json";

export const SETTLE_FAILURES = ["refused", "noAnswer"] as const;
export type SettleFailure = (typeof SETTLE_FAILURES)[number];

/** The reason recorded in an event's detail, or null for an event written before reasons were kept. */
export function settleFailure(detail: Record<string, unknown>): SettleFailure | null {
  const reason = detail.reason;
  return SETTLE_FAILURES.find((r) => r === reason) ?? null;
}

/** The English sentence stored with the job (activation_error, the event's message). */
export const settleFailureEnglish = (what: "activate" | "block", reason: SettleFailure): string =>
  en.HandOver.failure[what][reason];
