// What the second person is told when they cannot sign, the same whether they typed a password or
// confirmed through single sign-on. Free of server code: the SSO popup page shows them too.
import type { Role } from "@/lib/vocabulary";

export const SIGNER_MESSAGES = {
  samePerson: "The second person must be someone else: one person cannot sign twice.",
  otherBranch: "The second person must work at this branch.",
  wrongCredentials: "The e-mail or password of the second person is not right.",
  locked: "Too many wrong passwords for this person: they can try again later.",
  // SSO only: the confirmation cannot be used (any of: unknown, used, expired, someone else's).
  assertionInvalid: "This confirmation can no longer be used (it is used once, within 5 minutes). Confirm again.",
  inactive: "This person's account is deactivated: they cannot sign.",
} as const;

export const wrongRole = (roles: readonly Role[]) =>
  `The second person must be a ${roles.join(" or ")} of this branch.`;

/** Why the SSO confirmation in the popup did not work, as the popup page and the form say it. */
export const SSO_FAILURES = {
  same_person: SIGNER_MESSAGES.samePerson,
  other_branch: SIGNER_MESSAGES.otherBranch,
  inactive: SIGNER_MESSAGES.inactive,
  not_allowed: "The identity provider confirmed someone this application does not accept (no role or branch).",
  not_fresh: "The identity provider did not ask for the password again. Try again.",
  failed: "The confirmation did not work. Close this window and try again.",
  canceled: "The confirmation was canceled at the identity provider.",
} as const;

export type SsoFailure = keyof typeof SSO_FAILURES;

export const isSsoFailure = (value: unknown): value is SsoFailure =>
  typeof value === "string" && Object.hasOwn(SSO_FAILURES, value);
