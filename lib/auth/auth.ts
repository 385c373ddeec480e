import { Auth } from "@auth/core";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db";
import { createSession } from "@/db/queries/sessions";
import { recordSsoSession } from "@/db/queries/sso";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { authConfig } from "./auth.config";
import { authLogger } from "./auth-log";
import { OIDC_PROVIDER_ID, oidcProvider, provisionOidcUser, resolveOidcUser } from "./oidc";
import { onPublicOrigin } from "./public-url";
import { authorizeCredentials } from "./sign-in";
import { endSignedOutSession } from "./sign-out";
import { reportUnreadableSession } from "./unreadable-session";

const authLog = authLogger(log);

const oidc = oidcProvider();

/** The sign-in page's query for a refused single sign-on; the page explains the reason. */
export const SSO_REFUSED = "SsoRefused";

const config = {
  ...authConfig,
  // Auth.js logs through pino, with the cause of each error and without secrets; a garbage
  // session cookie is reported once at warn (unreadable-session.ts), not once per request.
  logger: {
    ...authLog,
    error(error: Error) {
      if (!reportUnreadableSession(error)) authLog.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
    ...(oidc ? [oidc] : []),
  ],
  // Whoever signs out through Auth.js (its own route too) ends the server-side record.
  events: { signOut: endSignedOutSession },
  callbacks: {
    ...authConfig.callbacks,
    // A refused SSO user goes back to the sign-in page with the reason, not to Auth.js's
    // generic "AccessDenied"/"Configuration".
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const verdict = await resolveOidcUser(profile ?? {});
      return verdict.ok ? true : `/login?error=${SSO_REFUSED}&reason=${verdict.reason}`;
    },
    async jwt(params) {
      const { token, account, profile, trigger } = params;
      if (account?.provider === OIDC_PROVIDER_ID && profile) {
        const row = await provisionOidcUser(profile);
        if (!row) throw new Error("SSO account not allowed");
        token.uid = row.id;
        token.role = row.role;
        token.branchId = row.branchId;
        token.sv = row.sessionVersion;
      } else {
        authConfig.callbacks.jwt(params);
      }
      if (trigger === "signIn" && token.uid) {
        // Every sign-in gets its own server-side record: sign-out, idle timeout and the
        // absolute lifetime end exactly this session, whatever the cookie says.
        const session = await createSession({ db, userId: token.uid, pruneAfterHours: env.SESSION_MAX_AGE_HOURS + 24 });
        token.sid = session.id;
        // Kept server-side for the provider's logout (id_token_hint), never in the cookie.
        if (account?.provider === OIDC_PROVIDER_ID && account.id_token)
          await recordSsoSession({ db, sessionId: session.id, idToken: account.id_token });
      }
      return token;
    },
  },
} satisfies NextAuthConfig;

// NextAuth() completes `config` in place (base path, secret, provider defaults).
export const { auth, signIn, signOut } = NextAuth(config);

/**
 * The catch-all route: Auth.js on the public origin, the one the sign-in leg used, so the
 * token request's redirect_uri equals the authorization request's (see public-url.ts).
 */
function authRoute(request: Request): Promise<Response> {
  return Auth(onPublicOrigin(request), config);
}

export const handlers = { GET: authRoute, POST: authRoute };

export const ssoEnabled = oidc !== null;
