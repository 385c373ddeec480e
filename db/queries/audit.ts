import { and, desc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, type NewAuditEntry } from "@/db/schema";

/** Writes one audit entry; pass the transaction that makes the change so both commit together. */
export async function insertAudit({ db, entry }: { db: Executor; entry: NewAuditEntry }) {
  await db.insert(auditLog).values(entry);
}

export type AuditQuery = {
  actor?: string;
  action?: string;
  entity?: string;
  branchId?: string;
  /** Inclusive dates, YYYY-MM-DD, as days of `timeZone`. */
  from?: string;
  to?: string;
  /** Whose days: the branch's zone for a branch's log; UTC for the bank-wide one. */
  timeZone?: string;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(q: AuditQuery, beforeId?: number): SQL | undefined {
  return and(
    q.actor ? like(sql`lower(${auditLog.actorEmail})`, `%${escapeLike(q.actor.toLowerCase())}%`) : undefined,
    q.action ? like(auditLog.action, `${escapeLike(q.action)}%`) : undefined,
    q.entity ? eq(auditLog.entityType, q.entity) : undefined,
    q.branchId ? eq(auditLog.branchId, q.branchId) : undefined,
    q.from ? gte(auditLog.at, sql`${q.from}::date::timestamp at time zone ${q.timeZone ?? "UTC"}`) : undefined,
    q.to ? lt(auditLog.at, sql`(${q.to}::date + 1)::timestamp at time zone ${q.timeZone ?? "UTC"}`) : undefined,
    beforeId !== undefined ? lt(auditLog.id, beforeId) : undefined,
  );
}

/** One page of entries, newest first; `hasMore` without counting the whole log. */
export async function listAudit({
  db,
  query,
  page,
  pageSize,
}: {
  db: Executor;
  query: AuditQuery;
  page: number;
  pageSize: number;
}) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(where(query))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { entries: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** Keyset batches for the CSV export: entries older than `beforeId`, newest first. */
export function auditBatch({
  db,
  query,
  beforeId,
  limit,
}: {
  db: Executor;
  query: AuditQuery;
  beforeId?: number;
  limit: number;
}) {
  return db.select().from(auditLog).where(where(query, beforeId)).orderBy(desc(auditLog.id)).limit(limit);
}
