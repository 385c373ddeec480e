import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { OIDC_PROVIDER_ID, oidcProvider, provisionOidcUser } from "./oidc";
import { authorizeCredentials } from "./sign-in";

const oidc = oidcProvider();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
    ...(oidc ? [oidc] : []),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const { token, account, profile } = params;
      if (account?.provider === OIDC_PROVIDER_ID && profile) {
        const row = await provisionOidcUser(profile as Record<string, unknown>);
        if (!row) throw new Error("SSO account not allowed");
        token.uid = row.id;
        token.role = row.role;
        token.branchId = row.branchId;
        token.sv = row.sessionVersion;
        return token;
      }
      return authConfig.callbacks.jwt(params);
    },
  },
});

export const ssoEnabled = oidc !== null;
