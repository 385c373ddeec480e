import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not `@/`: drizzle-kit loads the schema without the tsconfig paths.
import { ROLES } from "../../lib/vocabulary";
import { oneOf } from "./one-of";
import { userSessions } from "./sessions";
import { users } from "./users";

/**
 * The admin's mapping from the identity provider's group names (e.g. `BII-Tellers`) to our
 * roles, used when the IdP sends groups rather than a role claim. Names match ignoring case.
 */
export const ssoGroupRoles = pgTable(
  "sso_group_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupName: text("group_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sso_group_roles_name_key").on(sql`lower(${t.groupName})`),
    check("sso_group_roles_role_check", oneOf(t.role, ROLES)),
  ],
);

export type SsoGroupRole = typeof ssoGroupRoles.$inferSelect;

/**
 * The ID token of a session started by single sign-on, kept server-side only for RP-initiated
 * logout (`id_token_hint`); gone with its session record.
 */
export const ssoSessions = pgTable("sso_sessions", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => userSessions.id, { onDelete: "cascade" }),
  idToken: text("id_token").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
