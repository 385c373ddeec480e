import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not `@/`: drizzle-kit loads the schema without the tsconfig paths.
import { ROLES } from "../../lib/vocabulary";
import { branches } from "./branches";
import { oneOf } from "./one-of";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    // Null for users who only sign in through the bank's single sign-on.
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull(),
    branchId: uuid("branch_id").references(() => branches.id),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Bumped on password reset, deactivation or role change: sessions carrying an older
    // version are refused, so a change takes effect at once rather than at token expiry.
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    // The language the user chose in the header; null follows the browser's Accept-Language.
    // No CHECK: adding a language is a translation, not a migration (docs/translating.md); an
    // unknown value reads as no choice (lib/i18n/locale.ts).
    language: text("language"),
    // Training mode (docs/training.md): this person's work goes to an in-process simulator, never
    // to D1, and is kept apart from real work. Their branch's flag puts them in training too.
    training: boolean("training").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_branch_idx").on(t.branchId),
    check("users_role_check", oneOf(t.role, ROLES)),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Failed sign-ins per key (`account:<email>` or `address:<ip>`), for throttling. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
