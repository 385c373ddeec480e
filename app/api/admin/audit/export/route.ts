import { db } from "@/db";
import { auditBatch } from "@/db/queries/audit";
import { listBranches } from "@/db/queries/branches";
import { requireRole } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv-stream";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { route } from "@/lib/route";
import { auditFilterSchema, parseFilter, searchParamsToObject } from "@/lib/validations/audit";

export const dynamic = "force-dynamic";

const BATCH = 1000;
const HEADER = [
  "id",
  "at",
  "actor_email",
  "actor_role",
  "actor_id",
  "branch",
  "action",
  "entity_type",
  "entity_id",
  "before",
  "after",
  "ip",
  "user_agent",
];

/** The audit log as CSV with the browser's filters, streamed in keyset batches (no size cap in memory). */
export const GET = route("admin.audit.export", async (request: Request) => {
  const user = await requireRole(["admin"], { surface: "route" });
  // Checked before the first byte: a bad filter is a 400 with the reason, never a cut-off file.
  const { filter, errors } = parseFilter(auditFilterSchema, searchParamsToObject(new URL(request.url).searchParams));
  if (Object.keys(errors).length > 0)
    throw new AppError("bad_request:route", {
      message: `The filters are not valid: ${Object.entries(errors)
        .map(([field, message]) => `${field}: ${message}`)
        .join(" ")} Correct them on the audit page and export again.`,
      fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])),
    });
  const { page: _page, ...query } = filter;
  const branchCode = new Map((await listBranches({ db })).map((b) => [b.id, b.code]));
  log.info({ route: "admin.audit.export", actorId: user.id, query }, "audit export");

  return csvResponse<number>({
    name: "admin.audit.export",
    filename: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
    header: HEADER,
    batch: async (beforeId) => {
      const rows = await auditBatch({ db, query, beforeId, limit: BATCH });
      return {
        rows: rows.map((r) => [
          r.id,
          r.at,
          r.actorEmail,
          r.actorRole,
          r.actorId,
          r.branchId ? (branchCode.get(r.branchId) ?? r.branchId) : "",
          r.action,
          r.entityType,
          r.entityId,
          r.before,
          r.after,
          r.ip,
          r.userAgent,
        ]),
        next: rows.length < BATCH ? undefined : rows[rows.length - 1]!.id,
      };
    },
  });
});
