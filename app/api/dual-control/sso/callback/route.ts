import { cookies } from "next/headers";
import { db } from "@/db";
import { insertAssertion, pruneAssertions } from "@/db/queries/second-signer-assertions";
import { provisionOidcUser, resolveOidcUser } from "@/lib/auth/oidc";
import { authOrigin } from "@/lib/auth/public-url";
import { requireRole } from "@/lib/auth/session";
import type { SsoFailure } from "@/lib/dual-control/messages";
import { signerRefusal } from "@/lib/dual-control/second-signer";
import { ConfirmationError, finishConfirmation } from "@/lib/dual-control/sso-confirm";
import { FLOW_COOKIE, flowCookie, openFlow } from "@/lib/dual-control/sso-flow-cookie";
import { log } from "@/lib/log";
import { route } from "@/lib/route";
import { ssoConfirmCallbackSchema } from "@/lib/validations/second-signer";

export const dynamic = "force-dynamic";

/** The popup's last page (app/(auth)/second-signer), which tells the form and closes. */
const RESULT_PAGE = "/second-signer";

/**
 * The identity provider sends the popup back here. Everything is checked on the server: the
 * pending flow (our encrypted cookie) must be this manager's, the provider's answer its state,
 * the ID token its nonce, issuer, audience, signature, expiry and a fresh auth_time. The person
 * is then mapped to a user of ours by sign-in's own rules and stored as a one-time assertion
 * for this manager and branch, whose id the popup hands to the form.
 */
export const GET = route("dualControl.sso.callback", async (request: Request) => {
  const user = await requireRole(["manager"], { surface: "route" });
  const origin = authOrigin(request.headers);
  const result = (query: string) =>
    new Response(null, {
      status: 303,
      headers: {
        location: `${origin}${RESULT_PAGE}?${query}`,
        "set-cookie": flowCookie(null, origin),
        "cache-control": "no-store",
      },
    });
  const failed = (failure: SsoFailure, context: Record<string, unknown>) => {
    log.warn({ event: "second_signer_sso_refused", failure, actorId: user.id, ...context }, "SSO confirmation refused");
    return result(`failure=${failure}`);
  };

  const url = new URL(request.url);
  const flow = await openFlow((await cookies()).get(FLOW_COOKIE)?.value);
  const query = ssoConfirmCallbackSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!flow || !query.success) return failed("failed", { cause: flow ? "query" : "no pending flow" });
  if (flow.actorId !== user.id || flow.branchId !== user.branchId) return failed("failed", { cause: "other user" });

  let claims: Record<string, unknown>;
  try {
    claims = await finishConfirmation({ callbackUrl: url, flow, origin });
  } catch (error) {
    const failure = error instanceof ConfirmationError ? error.reason : "failed";
    return failed(failure, { err: error });
  }
  const verdict = await resolveOidcUser(claims);
  if (!verdict.ok)
    return failed(verdict.reason === "inactive" ? "inactive" : "not_allowed", { reason: verdict.reason });
  // As at sign-in: the provider is the source of the person's role and branch.
  const signer = await provisionOidcUser(claims);
  if (!signer) return failed("not_allowed", { email: verdict.email });
  // Refused here already so the popup can say so; the form's action checks again, with roles.
  if (signerRefusal(signer, { actor: user, branchId: flow.branchId })) {
    return failed(signer.id === user.id ? "same_person" : "other_branch", { signerId: signer.id });
  }
  const assertion = await insertAssertion({
    db,
    requestedBy: user.id,
    signerId: signer.id,
    branchId: flow.branchId,
    step: flow.step,
  });
  await pruneAssertions({ db });
  log.info(
    { event: "second_signer_sso_confirmed", actorId: user.id, signerId: signer.id, assertionId: assertion.id },
    "SSO confirmation stored",
  );
  return result(`assertion=${assertion.id}`);
});
