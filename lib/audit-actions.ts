// The actions the audit log records: their words are messages (AuditAction.<domain>.<verb> in
// lib/i18n/messages/*/admin.json), so the log reads in the user's language; the English ones also
// serve the CSV export. A code missing there (a new action) still shows, as its code in words.
import en from "@/lib/i18n/messages/en/admin.json";

type Actions = typeof en.AuditAction;
/** "job.hand_over": a domain and a verb, each a level of the messages. */
export type AuditActionCode = {
  [D in keyof Actions]: `${D & string}.${keyof Actions[D] & string}`;
}[keyof Actions];

const KNOWN = new Map<string, string>(
  Object.entries(en.AuditAction).flatMap(([domain, verbs]) =>
    Object.entries(verbs).map(([verb, words]): [string, string] => [`${domain}.${verb}`, words]),
  ),
);

/** Every code with words, for the filter's choices. */
export const AUDIT_ACTIONS = [...KNOWN.keys()].filter(isKnownAuditAction);

export function isKnownAuditAction(action: string): action is AuditActionCode {
  return KNOWN.has(action);
}

/** "stock.receive" → "Stock receive": a code without words of its own. */
export function codeWords(code: string): string {
  const words = code.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The English words of an action, for the CSV export. */
export function auditActionLabel(action: string): string {
  return KNOWN.get(action) ?? codeWords(action);
}
