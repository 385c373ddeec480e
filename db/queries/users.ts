import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

export async function findUserByEmail({ db, email }: { db: Executor; email: string }) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

/** The row a session is re-checked against on every request (active, role, branch, version). */
export async function findSessionUser({ db, id }: { db: Executor; id: string }) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      branchId: users.branchId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export async function markSignedIn({ db, id }: { db: Executor; id: string }) {
  await db.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, id));
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
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      branchId: users.branchId,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .orderBy(users.email);
}
