// The second person's single sign-on confirmations (lib/dual-control/sso-assertion.ts): written
// by the callback once the identity provider re-authenticated them, used once by a form.
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { secondSignerAssertions, users } from "@/db/schema";
import type { DualControlStep } from "@/lib/vocabulary";

export async function insertAssertion({
  db,
  requestedBy,
  signerId,
  branchId,
  step,
}: {
  db: Executor;
  requestedBy: string;
  signerId: string;
  branchId: string;
  step: DualControlStep;
}) {
  const [row] = await db.insert(secondSignerAssertions).values({ requestedBy, signerId, branchId, step }).returning();
  return row!;
}

/**
 * Marks the assertion used and returns its second person, in one statement: of two requests
 * racing with the same id, exactly one gets the row. Null when it does not exist, was used, is
 * older than `maxAgeSeconds`, or belongs to another requester, branch or step: the caller cannot tell
 * which, and need not.
 */
export async function consumeAssertion({
  db,
  id,
  requestedBy,
  branchId,
  step,
  maxAgeSeconds,
}: {
  db: Executor;
  id: string;
  requestedBy: string;
  branchId: string;
  /** The step being signed: a confirmation given for another step is not good for it. */
  step: DualControlStep;
  maxAgeSeconds: number;
}): Promise<{ signerId: string } | null> {
  const [row] = await db
    .update(secondSignerAssertions)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(secondSignerAssertions.id, id),
        isNull(secondSignerAssertions.usedAt),
        eq(secondSignerAssertions.requestedBy, requestedBy),
        eq(secondSignerAssertions.branchId, branchId),
        eq(secondSignerAssertions.step, step),
        gt(secondSignerAssertions.createdAt, sql`now() - make_interval(secs => ${maxAgeSeconds})`),
      ),
    )
    .returning({ signerId: secondSignerAssertions.signerId });
  return row ?? null;
}

/** Drops assertions a day old: used or expired long ago, the audit entry keeps who signed. */
export async function pruneAssertions({ db }: { db: Executor }) {
  await db.delete(secondSignerAssertions).where(lt(secondSignerAssertions.createdAt, sql`now() - interval '1 day'`));
}

/** The second person an assertion names, as the dual-control rules need them. */
export async function findSigner({ db, id }: { db: Executor; id: string }) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      branchId: users.branchId,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/** The second person of a usable assertion of `requestedBy`, for the popup to name them. */
export async function findUsableAssertion({
  db,
  id,
  requestedBy,
  maxAgeSeconds,
}: {
  db: Executor;
  id: string;
  requestedBy: string;
  maxAgeSeconds: number;
}) {
  const [row] = await db
    .select({ id: secondSignerAssertions.id, signerName: users.name })
    .from(secondSignerAssertions)
    .innerJoin(users, eq(users.id, secondSignerAssertions.signerId))
    .where(
      and(
        eq(secondSignerAssertions.id, id),
        eq(secondSignerAssertions.requestedBy, requestedBy),
        isNull(secondSignerAssertions.usedAt),
        gt(secondSignerAssertions.createdAt, sql`now() - make_interval(secs => ${maxAgeSeconds})`),
      ),
    )
    .limit(1);
  return row ?? null;
}
