import { text, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { branches } from "./branches";
import { users } from "./users";

/**
 * A second person's confirmation through the bank's single sign-on (re-authentication at the
 * identity provider), written by our callback after it validated the ID token. The first person's
 * dual-control form submits its id instead of the second person's password; it is good once
 * (used_at), for a few minutes, for the person who asked and their branch only.
 */
export const secondSignerAssertions = pgTable(
  "second_signer_assertions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    signerId: uuid("signer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id, { onDelete: "cascade" }),
    // The step it confirms (DUAL_CONTROL_STEPS): good for that step only.
    step: text("step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("second_signer_assertions_created_idx").on(t.createdAt)],
);

export type SecondSignerAssertion = typeof secondSignerAssertions.$inferSelect;
