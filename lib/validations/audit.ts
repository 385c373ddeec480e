import { z } from "zod";

const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max).optional(),
  );
const day = z.preprocess(
  (v) => (typeof v === "string" && v !== "" ? v : undefined),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
    .optional(),
);

/** Audit browser filters, from the page's search parameters or the export's query string. */
export const auditFilterSchema = z.object({
  actor: text(254),
  action: text(64),
  entity: text(64),
  branchId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose a branch from the list.").optional()),
  from: day,
  to: day,
  page: z
    .preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(100_000))
    .default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  return Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** The entity types the audit log records, for the filter's choices. */
export const AUDIT_ENTITIES = [
  { value: "branch", label: "Branch" },
  { value: "station", label: "Station" },
  { value: "card_product", label: "Card product" },
  { value: "user", label: "User" },
  { value: "issuance_job", label: "Card issuance" },
] as const;
