// RP-initiated logout: signing out of a session started by single sign-on also ends the session
// at the identity provider, when it offers an end_session_endpoint. Otherwise the next click on
// "Sign in with …" at a shared counter would sign the previous user in again without a password.
import "server-only";
import { db } from "@/db";
import { takeSsoIdToken } from "@/db/queries/sso";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

let endSessionEndpoint: Promise<string | null> | undefined;

/** The provider's end_session_endpoint from its discovery document, fetched once per process. */
function discoverEndSession(issuer: string): Promise<string | null> {
  endSessionEndpoint ??= fetch(
    new URL(".well-known/openid-configuration", issuer.endsWith("/") ? issuer : `${issuer}/`),
    {
      signal: AbortSignal.timeout(5_000),
    },
  )
    .then(async (response) => {
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const metadata = (await response.json()) as { end_session_endpoint?: unknown };
      return typeof metadata.end_session_endpoint === "string" ? metadata.end_session_endpoint : null;
    })
    .catch((error: unknown) => {
      endSessionEndpoint = undefined; // try again at the next sign-out
      log.warn({ event: "oidc_logout_discovery_failed", err: error }, "SSO logout: provider metadata unavailable");
      return null;
    });
  return endSessionEndpoint;
}

/**
 * Where to send the browser after this session ended here: the provider's logout with
 * `id_token_hint` and a return to our sign-in page, or null for a password session or a
 * provider without RP-initiated logout. The ID token is deleted as it is read.
 */
export async function ssoLogoutUrl({
  sessionId,
  origin,
}: {
  sessionId: string;
  origin: string;
}): Promise<string | null> {
  const idToken = await takeSsoIdToken({ db, sessionId });
  if (!idToken || !env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID) return null;
  const endpoint = await discoverEndSession(env.AUTH_OIDC_ISSUER);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("client_id", env.AUTH_OIDC_CLIENT_ID);
  // Register exactly this URL at the provider as a post-logout redirect URI.
  url.searchParams.set("post_logout_redirect_uri", `${origin}/login`);
  return url.toString();
}
