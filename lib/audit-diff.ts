// What an audit entry changed, in words: one "field: before → after" line per changed field,
// from the entry's before and after snapshots. Pure, so the page, the CSV and tests agree. The
// words (field names, yes/no/none) are messages (AuditDiff.*): the page passes the user's
// language, the CSV takes English. Values stay as they were stored.
import en from "@/lib/i18n/messages/en/admin.json";

export type AuditChange = { field: string; before: string; after: string };

/** Snapshot keys that could carry secrets or card data: never shown, even if a writer slipped. */
const NEVER_SHOWN = new Set(["pan", "cardNumber", "track2", "cvv", "cvc", "pin", "password", "passwordHash"]);

export type AuditField = keyof typeof en.AuditDiff.fields;

export function isKnownField(field: string): field is AuditField {
  return Object.hasOwn(en.AuditDiff.fields, field);
}

/** `openJobsAtDisable` → "open jobs at disable": a field without words of its own. */
export function fieldWords(field: string): string {
  return field
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** The words a change is told in; English by default. */
export type AuditWords = { field: (name: string) => string; yes: string; no: string; none: string };

export const ENGLISH_AUDIT_WORDS: AuditWords = {
  field: (name) => (isKnownField(name) ? en.AuditDiff.fields[name] : fieldWords(name)),
  yes: en.AuditDiff.yes,
  no: en.AuditDiff.no,
  none: en.AuditDiff.none,
};

/** `panLength` → "PAN length" (known fields), `sessionCount` → "session count" (the rest); English. */
export const fieldLabel = (field: string): string => ENGLISH_AUDIT_WORDS.field(field);

/** Ids (branches) shown by name where the caller knows them. */
export type NameOf = (id: string) => string | undefined;

function show(value: unknown, nameOf: NameOf, words: AuditWords): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "string") return nameOf(value) ?? value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? words.none : value.map((v) => show(v, nameOf, words)).join(", ");
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields whose value differs between `before` and `after` (a created row: every field of
 * `after`; a deleted one: every field of `before`), in the order the snapshots list them.
 */
export function auditChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  nameOf: NameOf = () => undefined,
  words: AuditWords = ENGLISH_AUDIT_WORDS,
): AuditChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    keys
      .filter((k) => !NEVER_SHOWN.has(k) && !same(before?.[k], after?.[k]))
      .map((k) => ({
        field: words.field(k),
        before: show(before?.[k], nameOf, words),
        after: show(after?.[k], nameOf, words),
      }))
      // An empty text that appears or goes (location "" on a new station) reads the same: no change.
      .filter((c) => c.before !== c.after)
  );
}

/** One line per change, e.g. "BIN: 400000 → 411111"; for the CSV export. */
export function describeChanges(changes: AuditChange[]): string {
  return changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join("; ");
}
