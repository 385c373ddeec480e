// Why an SSO confirmation in the popup did not work: a closed list of codes, carried in the popup's
// URL and shown by the popup page and the form in the user's language (DualControl.ssoFailure.*).
// Free of server code: the SSO popup page uses it too.
export const SSO_FAILURES = [
  "same_person",
  "other_branch",
  "inactive",
  "not_allowed",
  "not_fresh",
  "failed",
  "canceled",
] as const;

export type SsoFailure = (typeof SSO_FAILURES)[number];

export const isSsoFailure = (value: unknown): value is SsoFailure =>
  typeof value === "string" && (SSO_FAILURES as readonly string[]).includes(value);
