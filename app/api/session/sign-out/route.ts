import { db } from "@/db";
import { endSession } from "@/db/queries/sessions";
import { auth, signOut } from "@/lib/auth/auth";
import { sameOrigin } from "@/lib/auth/origin";
import { authOrigin } from "@/lib/auth/public-url";
import { ssoLogoutUrl } from "@/lib/auth/sso-logout";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Signing out is a plain form POST, so it works the same before the page has hydrated. Only the
 * app's own pages may post here (Origin check); it ends only the caller's own session, both the
 * cookie and its server-side record, so a copy of the cookie is worthless afterwards.
 */
export const POST = route("session.signOut", async (request: Request) => {
  if (!sameOrigin(request.headers)) throw new AppError("forbidden:route");
  const sessionId = (await auth())?.user?.sessionId;
  // A single sign-on session also ends at the identity provider, which sends the browser back.
  const providerLogout = sessionId ? await ssoLogoutUrl({ sessionId, origin: authOrigin(request.headers) }) : null;
  if (sessionId) await endSession({ db, id: sessionId, reason: "sign_out" });
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { location: providerLogout ?? "/login" } });
});
