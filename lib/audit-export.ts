// The audit log as CSV, shared by the bank-wide export (admin) and a branch's (manager): the same
// columns, names beside ids, and the changes in words next to the raw snapshots.
import "server-only";
import { db } from "@/db";
import { auditBatch, type AuditQuery } from "@/db/queries/audit";
import { auditActionLabel } from "@/lib/audit-actions";
import { auditChanges, describeChanges } from "@/lib/audit-diff";
import { csvHeader, type CsvColumn } from "@/lib/csv-header";
import { csvResponse } from "@/lib/csv-stream";
import type { Locale } from "@/lib/vocabulary";
import { auditFilterSchema, invalidFilters, parseFilter, searchParamsToObject } from "@/lib/validations/audit";

const BATCH = 1000;
const HEADER: CsvColumn[] = [
  "id",
  "at",
  "actor_name",
  "actor_email",
  "actor_role",
  "actor_id",
  "branch",
  "action",
  "action_label",
  "entity_type",
  "entity_id",
  "entity_name",
  "changes",
  "before",
  "after",
  "ip",
  "user_agent",
];

/** The filters of the export's URL; a bad one is a 400 with the reason, never a cut-off file. */
export function exportFilter(request: Request) {
  const { filter, messages } = parseFilter(auditFilterSchema, searchParamsToObject(new URL(request.url).searchParams));
  if (Object.keys(messages).length > 0) throw invalidFilters(messages, "audit");
  const { page: _page, ...query } = filter;
  return query;
}

/** Streams the entries matching `query` in keyset batches (no size cap in memory). */
export function auditCsv({
  name,
  filename,
  query,
  branchName,
  locale,
}: {
  name: string;
  filename: string;
  query: AuditQuery;
  /** Branch ids to names, for the branches inside the changes. */
  branchName: Map<string, string>;
  /** The reader's language, for the header row. */
  locale: Locale;
}) {
  return csvResponse<number>({
    name,
    filename,
    header: csvHeader(HEADER, locale),
    batch: async (beforeId) => {
      const rows = await auditBatch({ db, query, beforeId, limit: BATCH });
      return {
        rows: rows.map((r) => [
          r.id,
          r.at,
          r.actorName,
          r.actorEmail,
          r.actorRole,
          r.actorId,
          r.branchName ?? "",
          r.action,
          auditActionLabel(r.action),
          r.entityType,
          r.entityId,
          r.entityName,
          describeChanges(auditChanges(r.before, r.after, (id) => branchName.get(id))),
          r.before,
          r.after,
          r.ip,
          r.userAgent,
        ]),
        next: rows.length < BATCH ? undefined : rows[rows.length - 1]!.id,
      };
    },
  });
}
