// Dual control: receiving and loading card stock, destroying spoiled cards, the end-of-day count
// (and any other four-eyes step) need a second person of the branch, who confirms on the same
// screen with their own password, or through the bank's single sign-on (a re-authentication at
// the identity provider that our callback turned into a one-time assertion, sso-assertion.ts).
// Checked here, on the server, never in the browser: the second person must be active, of the
// same branch, allowed to do it, and not the person asking. Wrong passwords count against the
// second person's sign-in throttle, so this cannot be used to guess.
import "server-only";
import { db } from "@/db";
import { consumeAssertion, findSigner } from "@/db/queries/second-signer-assertions";
import { clearFailures, lockedUntil, recordFailure } from "@/db/queries/sign-in-throttle";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import { log } from "@/lib/log";
import type { DualControlStep, Role } from "@/lib/vocabulary";

/** How the second person confirmed; the audit entry says it. */
export type SignerMethod = "password" | "sso";

export type SecondSigner = { id: string; name: string; email: string; role: Role; method: SignerMethod };

/** What the form posts for the second person: their e-mail and password, or an SSO assertion. */
export type SecondSignature = { email: string; password: string } | { assertionId: string };

/** An SSO assertion is good for this long after the identity provider confirmed the person. */
export const ASSERTION_MAX_AGE_SECONDS = 5 * 60;

/** The form fields every dual-control form posts for its second person; errors name them. */
type SignerField = "secondEmail" | "secondPassword" | "secondAssertion";

/** Why the second person cannot sign (Validation.secondSigner.*), the same for a password and SSO. */
type SignerProblem = "samePerson" | "otherBranch" | "wrongCredentials" | "locked" | "assertionInvalid" | "inactive";

const refuse = (problem: SignerProblem | Message, field: SignerField) => {
  const message = typeof problem === "string" ? msg(`Validation.secondSigner.${problem}`) : problem;
  return new AppError("invalid:second_signer", { message, fieldErrors: { [field]: [message] } });
};

type Candidate = { id: string; branchId: string | null; role: Role };

/**
 * Why `user` cannot be the second person of `actor`'s step at `branchId`, or null. Shared by
 * both ways of confirming and by the SSO callback (which knows no roles yet, so passes none).
 */
export function signerRefusal(
  user: Candidate,
  { actor, branchId, roles }: { actor: { id: string }; branchId: string; roles?: readonly Role[] },
): AppError | null {
  if (user.id === actor.id) return refuse("samePerson", "secondEmail");
  if (user.branchId !== branchId) return refuse("otherBranch", "secondEmail");
  if (roles && !roles.includes(user.role)) {
    return refuse(msg("Validation.secondSigner.wrongRole", { roles: [...roles].sort().join("_") }), "secondEmail");
  }
  return null;
}

type Step = { actor: { id: string }; branchId: string; roles: readonly Role[]; step: DualControlStep };

/**
 * Verifies the second person and returns them. `actor` is the signed-in person who asks;
 * `branchId` the branch the step belongs to; `roles` who may be the second person; `step` which
 * four-eyes step this is (an SSO confirmation is good for the step it was given for only).
 */
export async function verifySecondSigner(params: Step & SecondSignature): Promise<SecondSigner> {
  return "assertionId" in params ? byAssertion(params) : byPassword(params);
}

async function byPassword({
  actor,
  branchId,
  roles,
  email,
  password,
}: Step & { email: string; password: string }): Promise<SecondSigner> {
  const normalized = email.trim().toLowerCase();
  const key = `account:${normalized}`;
  if (await lockedUntil({ db, keys: [key] })) throw refuse("locked", "secondEmail");
  const user = await findUserByEmail({ db, email: normalized });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) {
    await recordFailure({ db, key, max: env.SIGNIN_MAX_FAILURES, lockMinutes: env.SIGNIN_LOCK_MINUTES });
    log.info({ event: "second_signer_failed", email: normalized, actorId: actor.id }, "second signer refused");
    throw refuse("wrongCredentials", "secondPassword");
  }
  await clearFailures({ db, key });
  const refusal = signerRefusal(user, { actor, branchId, roles });
  if (refusal) throw refusal;
  return { id: user.id, name: user.name, email: user.email, role: user.role, method: "password" };
}

/**
 * The assertion is used up here, before the person is checked: whatever the outcome, it was one
 * attempt, and a refused one is never good for a second try.
 */
async function byAssertion({ actor, branchId, roles, step, assertionId }: Step & { assertionId: string }) {
  const consumed = await consumeAssertion({
    db,
    id: assertionId,
    requestedBy: actor.id,
    branchId,
    step,
    maxAgeSeconds: ASSERTION_MAX_AGE_SECONDS,
  });
  const user = consumed ? await findSigner({ db, id: consumed.signerId }) : null;
  if (!user) {
    log.info({ event: "second_signer_assertion_refused", assertionId, actorId: actor.id }, "assertion not usable");
    throw refuse("assertionInvalid", "secondAssertion");
  }
  if (!user.active) throw refuse("inactive", "secondAssertion");
  const refusal = signerRefusal(user, { actor, branchId, roles });
  if (refusal) throw refusal;
  return { id: user.id, name: user.name, email: user.email, role: user.role, method: "sso" as const };
}
