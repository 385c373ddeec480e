// What the sign-in page says when Auth.js or our SSO checks send the browser back to it with
// `?error=`. Only fixed sentences: the query string is attacker-controlled.
import type { SsoRefusal } from "./oidc";

const SSO_REFUSALS: Record<SsoRefusal, string> = {
  no_email: "it did not send your e-mail address",
  no_role: "your account there has no role for this application (no role claim and no mapped group)",
  no_branch: "your account there names no branch this application knows",
  inactive: "your account here is deactivated",
};

const isRefusal = (reason: string | undefined): reason is SsoRefusal =>
  reason !== undefined && Object.hasOwn(SSO_REFUSALS, reason);

export function signInErrorMessage(error: string | undefined, reason: string | undefined, provider: string) {
  if (error === undefined) return null;
  if (error === "SsoRefused" && isRefusal(reason)) {
    return `${provider} signed you in, but ${SSO_REFUSALS[reason]}. Ask your administrator to fix your account; until then you cannot sign in.`;
  }
  if (error === "SsoRefused" || error === "AccessDenied") {
    return `Single sign-on refused this account. Ask your administrator.`;
  }
  return "Sign-in could not be completed. Try again; if it fails again, tell your administrator (the details are in the application's log).";
}
