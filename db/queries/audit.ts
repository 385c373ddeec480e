import { and, desc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, type AuditEntry, type NewAuditEntry } from "@/db/schema";

/**
 * Writes one audit entry; pass the transaction that makes the change so both commit together.
 * An entry about a training job is not written (docs/training.md): the audit log is the record of
 * real work, and a training job's own events are its record. Checked here, in the one statement,
 * so that no caller can forget it.
 */
export async function insertAudit({ db, entry }: { db: Executor; entry: NewAuditEntry }) {
  if (entry.entityType !== "issuance_job" || !entry.entityId) {
    await db.insert(auditLog).values(entry);
    return;
  }
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await db.execute(sql`
    insert into audit_log (actor_id, actor_email, actor_role, branch_id, action, entity_type, entity_id,
                           before, after, ip, user_agent)
    select ${entry.actorId ?? null}::uuid, ${entry.actorEmail ?? null}, ${entry.actorRole ?? null},
           ${entry.branchId ?? null}::uuid, ${entry.action}, ${entry.entityType}, ${entry.entityId},
           ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${entry.ip ?? null}, ${entry.userAgent ?? null}
    where not exists (select 1 from issuance_jobs j where j.id = ${entry.entityId}::uuid and j.training)`);
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

// Drizzle writes a column without its table in a one-table select; inside the lookups below a
// bare name could bind to the looked-up table, so the audit columns are named with their table.
const col = (c: { name: string }) => sql`${auditLog}.${sql.identifier(c.name)}`;
const [entityId, entityType, before, after] = [
  auditLog.entityId,
  auditLog.entityType,
  auditLog.before,
  auditLog.after,
].map(col);

// An entity id is text (an SSO group's is its name): only a well-formed UUID is looked up.
const entityUuid = sql`(case when ${entityId} ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then ${entityId}::uuid end)`;

/**
 * What the entry is about, in words, looked up by entity type in the same query: a station's
 * label and id, a product's, branch's or person's name, a request's product and customer (or the
 * station a test card was for). A row
 * deleted since (a mistyped station, an unused product) keeps the name its own entry recorded.
 */
const entityName = sql<string | null>`coalesce(case ${entityType}
  when 'station' then (select s.label || ' (' || s.perso_station || ')' from stations s where s.id = ${entityUuid})
  when 'card_product' then (select p.name from card_products p where p.id = ${entityUuid})
  when 'branch' then (select b.name || ' (' || b.code || ')' from branches b where b.id = ${entityUuid})
  when 'user' then (select u.name || ' (' || u.email || ')' from users u where u.id = ${entityUuid})
  when 'issuance_job' then (select p.name || coalesce(' for ' || c.given_name || ' ' || c.family_name,
                                                     ' (test card for ' || s.label || ')')
      from issuance_jobs j left join customers c on c.id = j.customer_id join card_products p on p.id = j.product_id
      join stations s on s.id = j.station_id
     where j.id = ${entityUuid})
  when 'sso_group' then ${entityId}
  end,
  ${before} ->> 'label', ${before} ->> 'name', ${after} ->> 'label', ${after} ->> 'name')`;

const actorName = sql<string | null>`(select u.name from users u where u.id = ${col(auditLog.actorId)})`;
const branchName = sql<
  string | null
>`(select b.name || ' (' || b.code || ')' from branches b where b.id = ${col(auditLog.branchId)})`;

/** An entry with the names of who, what and where, as the audit pages and exports show them. */
const namedColumns = { entry: auditLog, actorName, entityName, branchName };
export type NamedAuditEntry = AuditEntry & {
  actorName: string | null;
  entityName: string | null;
  branchName: string | null;
};
const flatten = ({ entry, ...names }: { entry: AuditEntry } & Omit<NamedAuditEntry, keyof AuditEntry>) => ({
  ...entry,
  ...names,
});

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
    .select(namedColumns)
    .from(auditLog)
    .where(where(query))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { entries: rows.slice(0, pageSize).map(flatten), hasMore: rows.length > pageSize };
}

/** Keyset batches for the CSV export: entries older than `beforeId`, newest first. */
export async function auditBatch({
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
  const rows = await db
    .select(namedColumns)
    .from(auditLog)
    .where(where(query, beforeId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(flatten);
}
