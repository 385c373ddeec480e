import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db";
import { createSession } from "@/db/queries/sessions";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { authConfig } from "./auth.config";
import { OIDC_PROVIDER_ID, oidcProvider, provisionOidcUser } from "./oidc";
import { authorizeCredentials } from "./sign-in";
import { endSignedOutSession } from "./sign-out";
import { reportUnreadableSession } from "./unreadable-session";

const oidc = oidcProvider();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // Auth.js logs through pino; a failed password is an expected event, logged by sign-in.ts.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      if (reportUnreadableSession(error)) return;
      log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
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
      }
      return token;
    },
  },
});

export const ssoEnabled = oidc !== null;
