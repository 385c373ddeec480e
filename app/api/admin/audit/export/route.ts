import { db } from "@/db";
import { auditBatch } from "@/db/queries/audit";
import { listBranches } from "@/db/queries/branches";
import { requireRole } from "@/lib/auth/session";
import { csvRow } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { route } from "@/lib/route";
import { auditFilterSchema, searchParamsToObject } from "@/lib/validations/audit";

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
  const parsed = auditFilterSchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!parsed.success)
    throw new AppError("bad_request:route", {
      message: "The filters are not valid. Correct them on the audit page and export again.",
    });
  const { page: _page, ...query } = parsed.data;
  const branchCode = new Map((await listBranches({ db })).map((b) => [b.id, b.code]));
  log.info({ route: "admin.audit.export", actorId: user.id, query }, "audit export");

  const encoder = new TextEncoder();
  let beforeId: number | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark so spreadsheet programs read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
      }
      let rows: Awaited<ReturnType<typeof auditBatch>>;
      try {
        rows = await auditBatch({ db, query, beforeId, limit: BATCH });
      } catch (error) {
        // Headers are sent already: end the download as failed rather than silently short.
        log.error({ route: "admin.audit.export", err: error }, "audit export failed mid-stream");
        controller.error(error);
        return;
      }
      for (const r of rows) {
        const branch = r.branchId ? (branchCode.get(r.branchId) ?? r.branchId) : "";
        controller.enqueue(
          encoder.encode(
            csvRow([
              r.id,
              r.at,
              r.actorEmail,
              r.actorRole,
              r.actorId,
              branch,
              r.action,
              r.entityType,
              r.entityId,
              r.before,
              r.after,
              r.ip,
              r.userAgent,
            ]),
          ),
        );
      }
      if (rows.length < BATCH) controller.close();
      else beforeId = rows[rows.length - 1]!.id;
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
