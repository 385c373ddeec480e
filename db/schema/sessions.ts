import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per sign-in. Its id travels in the session JWT (`sid`), so the server can end one
 * session precisely (sign-out, idle timeout, absolute lifetime) although the cookie itself is
 * stateless and the proxy never re-issues it.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Sign-in time: the absolute lifetime (SESSION_MAX_AGE_HOURS) counts from here, not rolling.
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Last user-initiated request (page render, server action, activity ping), at most once a
    // minute; event streams and polling do not count.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // sign_out | idle | expired | password_changed
    endReason: text("end_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId), index("user_sessions_created_idx").on(t.createdAt)],
);

export type UserSession = typeof userSessions.$inferSelect;
