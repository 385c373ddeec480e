import { sql } from "drizzle-orm";
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A blank card plastic (a controlled item): each card product names the stock it prints on. */
export const stockTypes = pgTable(
  "stock_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("stock_types_code_key").on(sql`lower(${t.code})`)],
);

export type StockType = typeof stockTypes.$inferSelect;
