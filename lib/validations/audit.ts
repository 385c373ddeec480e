import { z } from "zod";
import { text } from "./text";

/** An optional filter field: empty is "no filter"; control characters are refused (./text). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const words = (max: number) => optional(text().max(max, `Type at most ${max} characters.`));

/** True for a real calendar date written YYYY-MM-DD (not 2026-13-45 or 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  // PostgreSQL's date type starts at 4713 BC; year 0000 is not a year people mean.
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day filter: a real calendar date, else a field error (never a database error). */
export const calendarDay = optional(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
    .refine(isCalendarDate, "This day does not exist in the calendar; check the month and the day."),
);

/** A from/to pair: "to" may not come before "from" (both are inclusive days). */
export function dayRangeRule<T extends { from?: string; to?: string }>(v: T) {
  return !v.from || !v.to || v.to >= v.from;
}
export const dayRangeIssue = { path: ["to"], message: "“To” is before “From”: choose a “To” date on or after it." };

/** Audit browser filters, from the page's search parameters or the export's query string. */
export const auditFilterSchema = z
  .object({
    actor: words(254),
    action: words(64),
    entity: words(64),
    branchId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose a branch from the list.").optional()),
    from: calendarDay,
    to: calendarDay,
    page: z
      .preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(100_000))
      .default(1),
  })
  .refine(dayRangeRule, dayRangeIssue);

/**
 * A page's filter from its search parameters: the valid fields, and a message for each invalid
 * one (shown beside the field; the page still lists entries with the valid rest).
 */
export function parseFilter<T>(
  schema: z.ZodType<T>,
  raw: Record<string, unknown>,
): { filter: T; errors: Record<string, string> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { filter: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors)));
  const retry = schema.safeParse(rest);
  return { filter: retry.success ? retry.data : schema.parse({}), errors };
}

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  return Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** A parsed filter back as URL parameters: for the pager's links and the CSV export's query. */
export function filterParams(
  query: Record<string, string | number | boolean | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}

/** The query string of the parameters that are set. */
export function filterQueryString(params: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
}

/** The entity types the audit log records, for the filter's choices. */
export const AUDIT_ENTITIES = [
  { value: "branch", label: "Branch" },
  { value: "station", label: "Station" },
  { value: "card_product", label: "Card product" },
  { value: "user", label: "User" },
  { value: "issuance_job", label: "Card issuance" },
] as const;
