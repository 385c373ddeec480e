// Reading the customer access log for the admin (the writes happen inside the customer queries,
// db/queries/customers.ts). Filters by user (e-mail contains), customer number and UTC days.
import { and, desc, eq, gte, inArray, like, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { customerAccessLog, customers, users } from "@/db/schema";
import { escapeLike } from "./customers";

export type AccessLogQuery = {
  user?: string;
  customer?: string;
  /** Inclusive UTC dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

function where(db: Executor, q: AccessLogQuery, beforeId?: number): SQL | undefined {
  return and(
    q.user
      ? inArray(
          customerAccessLog.userId,
          db
            .select({ id: users.id })
            .from(users)
            .where(like(sql`lower(${users.email})`, `%${escapeLike(q.user.toLowerCase())}%`)),
        )
      : undefined,
    q.customer
      ? inArray(
          customerAccessLog.customerId,
          db.select({ id: customers.id }).from(customers).where(eq(customers.customerNumber, q.customer)),
        )
      : undefined,
    q.from ? gte(customerAccessLog.at, sql`${q.from}::date::timestamp at time zone 'UTC'`) : undefined,
    q.to ? lt(customerAccessLog.at, sql`(${q.to}::date + 1)::timestamp at time zone 'UTC'`) : undefined,
    beforeId !== undefined ? lt(customerAccessLog.id, beforeId) : undefined,
  );
}

/** An access with who and whom, as the admin reads it. */
function select(db: Executor) {
  return db
    .select({
      id: customerAccessLog.id,
      at: customerAccessLog.at,
      screen: customerAccessLog.screen,
      userId: customerAccessLog.userId,
      userEmail: users.email,
      branchId: customerAccessLog.branchId,
      customerId: customerAccessLog.customerId,
      customerNumber: customers.customerNumber,
      customerName: sql<string | null>`${customers.givenName} || ' ' || ${customers.familyName}`,
    })
    .from(customerAccessLog)
    .leftJoin(users, eq(users.id, customerAccessLog.userId))
    .leftJoin(customers, eq(customers.id, customerAccessLog.customerId));
}

export type AccessLogEntry = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];

/** One page, newest first; `hasMore` without counting the whole log. */
export async function listCustomerAccess({
  db,
  query,
  page,
  pageSize,
}: {
  db: Executor;
  query: AccessLogQuery;
  page: number;
  pageSize: number;
}) {
  const rows = await select(db)
    .where(where(db, query))
    .orderBy(desc(customerAccessLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { entries: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** Keyset batches for the CSV export: entries older than `beforeId`, newest first. */
export function customerAccessBatch({
  db,
  query,
  beforeId,
  limit,
}: {
  db: Executor;
  query: AccessLogQuery;
  beforeId?: number;
  limit: number;
}) {
  return select(db)
    .where(where(db, query, beforeId))
    .orderBy(desc(customerAccessLog.id))
    .limit(limit);
}
