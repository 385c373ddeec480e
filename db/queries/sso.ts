// Single sign-on: the admin's group-to-role mapping and the ID tokens kept for logout.
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ssoGroupRoles, ssoSessions } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";

export async function listSsoGroupRoles({ db }: { db: Executor }) {
  return db
    .select({ id: ssoGroupRoles.id, groupName: ssoGroupRoles.groupName, role: ssoGroupRoles.role })
    .from(ssoGroupRoles)
    .orderBy(asc(sql`lower(${ssoGroupRoles.groupName})`));
}

/** The roles mapped to any of these group names (compared ignoring case). */
export async function rolesForGroups({ db, groups }: { db: Executor; groups: readonly string[] }): Promise<Role[]> {
  if (groups.length === 0) return [];
  const rows = await db
    .select({ role: ssoGroupRoles.role })
    .from(ssoGroupRoles)
    .where(
      inArray(
        sql`lower(${ssoGroupRoles.groupName})`,
        groups.map((g) => g.toLowerCase()),
      ),
    );
  return rows.map((r) => r.role);
}

/** Sets the role of a group name (insert or change); returns the role it had before, if any.
 * Call it in a transaction: the unique index turns a concurrent insert into a conflict. */
export async function upsertSsoGroupRole({
  db,
  groupName,
  role,
  createdBy,
}: {
  db: Executor;
  groupName: string;
  role: Role;
  createdBy: string;
}) {
  const [before] = await db
    .select({ role: ssoGroupRoles.role })
    .from(ssoGroupRoles)
    .where(sql`lower(${ssoGroupRoles.groupName}) = lower(${groupName})`);
  if (before)
    await db
      .update(ssoGroupRoles)
      .set({ role, groupName })
      .where(sql`lower(${ssoGroupRoles.groupName}) = lower(${groupName})`);
  else await db.insert(ssoGroupRoles).values({ groupName, role, createdBy });
  return before?.role ?? null;
}

/** Removes a group's mapping; returns the role it had, or null when there was none. */
export async function deleteSsoGroupRole({ db, groupName }: { db: Executor; groupName: string }) {
  const [row] = await db
    .delete(ssoGroupRoles)
    .where(sql`lower(${ssoGroupRoles.groupName}) = lower(${groupName})`)
    .returning({ role: ssoGroupRoles.role });
  return row?.role ?? null;
}

export async function recordSsoSession({
  db,
  sessionId,
  idToken,
}: {
  db: Executor;
  sessionId: string;
  idToken: string;
}) {
  await db.insert(ssoSessions).values({ sessionId, idToken }).onConflictDoNothing();
}

/** Takes the ID token of a session for its logout: read once, then deleted. */
export async function takeSsoIdToken({ db, sessionId }: { db: Executor; sessionId: string }) {
  const [row] = await db
    .delete(ssoSessions)
    .where(eq(ssoSessions.sessionId, sessionId))
    .returning({ idToken: ssoSessions.idToken });
  return row?.idToken ?? null;
}
