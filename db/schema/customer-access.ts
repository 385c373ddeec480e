import { bigserial, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACCESS_SCREENS } from "../../lib/vocabulary";
import { oneOf } from "./one-of";

/**
 * Who was shown which customer, when, and where: one row per customer in a search's result list
 * and per customer page opened. Compact on purpose (ids only, written in the same statement as
 * the read), since the counter's search writes it on every keystroke pause. No foreign keys:
 * the log outlives users and customers, like audit_log.
 */
export const customerAccessLog = pgTable(
  "customer_access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id").notNull(),
    // The branch the user worked in at the time (users move between branches).
    branchId: uuid("branch_id"),
    customerId: uuid("customer_id").notNull(),
    screen: text("screen", { enum: ACCESS_SCREENS }).notNull(),
  },
  (t) => [
    index("customer_access_log_customer_idx").on(t.customerId, t.at),
    index("customer_access_log_user_idx").on(t.userId, t.at),
    // Rows arrive in time order: a BRIN index serves date ranges at almost no write cost.
    index("customer_access_log_at_idx").using("brin", t.at),
    check("customer_access_log_screen_check", oneOf(t.screen, ACCESS_SCREENS)),
  ],
);

export type CustomerAccess = typeof customerAccessLog.$inferSelect;
