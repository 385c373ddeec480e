// Dual control: receiving and loading card stock, destroying spoiled cards, the end-of-day count
// (and any other four-eyes step) need a second person of the branch, who confirms on the same
// screen with their own password. Checked here, on the server, never in the browser: the second
// person must be active, of the same branch, allowed to do it, and not the person asking. Wrong
// passwords count against the second person's sign-in throttle, so this cannot be used to guess.
import "server-only";
import { db } from "@/db";
import { clearFailures, lockedUntil, recordFailure } from "@/db/queries/sign-in-throttle";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Role } from "@/lib/vocabulary";

export type SecondSigner = { id: string; name: string; email: string; role: Role };

/** The form fields every dual-control form posts for its second person; errors name them. */
type SignerField = "secondEmail" | "secondPassword";

const refuse = (message: string, field: SignerField) =>
  new AppError("invalid:second_signer", { message, fieldErrors: { [field]: [message] } });

/**
 * Verifies the second person's credentials and returns them. `actor` is the signed-in person who
 * asks; `branchId` the branch the step belongs to; `roles` who may be the second person.
 */
export async function verifySecondSigner({
  actor,
  branchId,
  email,
  password,
  roles,
}: {
  actor: { id: string };
  branchId: string;
  email: string;
  password: string;
  roles: readonly Role[];
}): Promise<SecondSigner> {
  const normalized = email.trim().toLowerCase();
  const key = `account:${normalized}`;
  if (await lockedUntil({ db, keys: [key] })) {
    throw refuse("Too many wrong passwords for this person: they can try again later.", "secondEmail");
  }
  const user = await findUserByEmail({ db, email: normalized });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) {
    await recordFailure({ db, key, max: env.SIGNIN_MAX_FAILURES, lockMinutes: env.SIGNIN_LOCK_MINUTES });
    log.info({ event: "second_signer_failed", email: normalized, actorId: actor.id }, "second signer refused");
    throw refuse("The e-mail or password of the second person is not right.", "secondPassword");
  }
  await clearFailures({ db, key });
  if (user.id === actor.id) {
    throw refuse("The second person must be someone else: one person cannot sign twice.", "secondEmail");
  }
  if (user.branchId !== branchId) {
    throw refuse("The second person must work at this branch.", "secondEmail");
  }
  if (!roles.includes(user.role)) {
    throw refuse(`The second person must be a ${roles.join(" or ")} of this branch.`, "secondEmail");
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
