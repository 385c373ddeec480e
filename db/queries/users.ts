import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type User } from "@/db/schema";
import type { Locale, Role } from "@/lib/vocabulary";

export async function findUserByEmail({ db, email }: { db: Executor; email: string }) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

/** Who a user is, without secrets: the base of every view of users. */
const userFields = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  branchId: users.branchId,
  active: users.active,
};

/** What a session is re-checked against on every request (active, role, branch, version). */
export const sessionUserFields = {
  ...userFields,
  mustChangePassword: users.mustChangePassword,
  sessionVersion: users.sessionVersion,
  // Read with the session on every request anyway, so the page's language costs no extra query.
  language: users.language,
  // Training mode: the user's own flag or their branch's (docs/training.md). A subquery in the
  // same statement, so every list's training filter costs no extra round trip.
  training: sql<boolean>`(${users.training} or coalesce((select b.training from branches b where b.id = ${users.branchId}), false))`,
};

export type SessionUser = Pick<User, Exclude<keyof typeof sessionUserFields, "training">> & { training: boolean };

/** The user's own language (the header's switch). */
export async function setUserLanguage({ db, id, language }: { db: Executor; id: string; language: Locale }) {
  await db.update(users).set({ language }).where(eq(users.id, id));
}

export async function markSignedIn({ db, id }: { db: Executor; id: string }) {
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function setPassword({
  db,
  id,
  passwordHash,
  mustChange,
}: {
  db: Executor;
  id: string;
  passwordHash: string;
  mustChange: boolean;
}) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), eq(users.active, true)));
}

/** Users without secrets, for admin screens and APIs. */
export function listUsers({ db }: { db: Executor }) {
  return db
    .select({ ...userFields, lastSignInAt: users.lastSignInAt })
    .from(users)
    .orderBy(users.email);
}

const adminView = {
  ...userFields,
  mustChangePassword: users.mustChangePassword,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  lastSignInAt: users.lastSignInAt,
  training: users.training,
};

/** One user without secrets, for the admin's edit page. */
export async function findUserForAdmin({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select(adminView).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export type AdminUser = NonNullable<Awaited<ReturnType<typeof findUserForAdmin>>>;

export async function findUserForUpdate({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select(adminView).from(users).where(eq(users.id, id)).for("update").limit(1);
  return row ?? null;
}

export async function emailTaken({ db, email, exceptId }: { db: Executor; email: string; exceptId?: string }) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, exceptId ? sql`${users.id} <> ${exceptId}` : undefined))
    .limit(1);
  return rows.length > 0;
}

/**
 * Locks every active admin row and returns their ids. Two admins demoting each other at the same
 * moment queue here, and the second sees the first one's change, so one admin always remains.
 */
export async function lockActiveAdmins({ db }: { db: Executor }): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(users.id)
    .for("update");
  return rows.map((r) => r.id);
}

export async function insertUser({
  db,
  values,
}: {
  db: Executor;
  values: { name: string; email: string; role: Role; branchId: string | null; passwordHash: string };
}) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase(), mustChangePassword: true })
    .returning(adminView);
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

/** Changes a user; `endSessions` bumps the session version so their open sessions end at once. */
export async function updateUser({
  db,
  id,
  values,
  endSessions,
}: {
  db: Executor;
  id: string;
  values: Partial<{
    name: string;
    email: string;
    role: Role;
    branchId: string | null;
    active: boolean;
    passwordHash: string;
    mustChangePassword: boolean;
  }>;
  endSessions: boolean;
}) {
  const [row] = await db
    .update(users)
    .set({
      ...values,
      ...(values.email ? { email: values.email.toLowerCase() } : {}),
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, id))
    .returning(adminView);
  return row ?? null;
}

/** Users with their branch, for the admin's list. */
export type UserListFilter = {
  /** Part of the name or e-mail, any case. */
  q?: string;
  role?: Role;
  branchId?: string;
  status?: "active" | "deactivated";
};

export function listUsersForAdmin({ db, filter = {} }: { db: Executor; filter?: UserListFilter }) {
  const pattern = filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select(adminView)
    .from(users)
    .where(
      and(
        pattern ? sql`(lower(${users.name}) like ${pattern} or lower(${users.email}) like ${pattern})` : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.branchId ? eq(users.branchId, filter.branchId) : undefined,
        filter.status ? eq(users.active, filter.status === "active") : undefined,
      ),
    )
    .orderBy(sql`${users.active} desc`, users.email);
}

/**
 * An admin reset this person's password before (else the temporary password is their first):
 * the password page greets a new user with "Set your password", not "was reset".
 */
export async function passwordWasReset({ db, userId }: { db: Executor; userId: string }) {
  const { rows } = await db.execute<{ reset: boolean }>(sql`
    select exists (select 1 from audit_log where entity_type = 'user' and entity_id = ${userId}
                     and action = 'user.reset_password') as reset`);
  return rows[0]?.reset ?? false;
}
