import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column in ('a', 'b', …)` for a CHECK constraint, built from a list in lib/vocabulary.ts, so
 * that changing a vocabulary and running `npm run db:generate` yields the migration that moves
 * the constraint with it.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  return sql`${column} in (${sql.raw(list)})`;
}
