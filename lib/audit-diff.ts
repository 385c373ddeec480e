// What an audit entry changed, in words: one "field: before → after" line per changed field,
// from the entry's before and after snapshots. Pure, so the page, the CSV and tests agree.

export type AuditChange = { field: string; before: string; after: string };

/** Snapshot keys that could carry secrets or card data: never shown, even if a writer slipped. */
const NEVER_SHOWN = new Set(["pan", "cardNumber", "track2", "cvv", "cvc", "pin", "password", "passwordHash"]);

const FIELD_LABELS: Record<string, string> = {
  persoStation: "station id",
  d1CardProductId: "D1 product id",
  bin: "BIN",
  panLength: "PAN length",
  expiryMonths: "expiry (months)",
  branchId: "branch",
  branchIds: "branches",
  isDefault: "default",
  timezone: "time zone",
  stationIdPattern: "station id pattern",
  cardFaceImage: "card face image",
  openJobsAtDisable: "cards waiting when disabled",
  verifiedAt: "verified",
};

/** `panLength` → "PAN length" (known fields), `minAge` → "min age" (the rest). */
export function fieldLabel(field: string): string {
  return (
    FIELD_LABELS[field] ??
    field
      .replace(/_/g, " ")
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
  );
}

/** Ids (branches) shown by name where the caller knows them. */
export type NameOf = (id: string) => string | undefined;

function show(value: unknown, nameOf: NameOf): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return nameOf(value) ?? value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((v) => show(v, nameOf)).join(", ");
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
): AuditChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    keys
      .filter((k) => !NEVER_SHOWN.has(k) && !same(before?.[k], after?.[k]))
      .map((k) => ({ field: fieldLabel(k), before: show(before?.[k], nameOf), after: show(after?.[k], nameOf) }))
      // An empty text that appears or goes (location "" on a new station) reads the same: no change.
      .filter((c) => c.before !== c.after)
  );
}

/** One line per change, e.g. "BIN: 400000 → 411111"; for the CSV export. */
export function describeChanges(changes: AuditChange[]): string {
  return changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join("; ");
}
