// Edge-safe half of Auth.js: pages, session shape and the proxy's redirect rule. No database
// here; authorisation proper happens in requireUser/requireRole and the action wrapper.
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { HOME, isRole } from "./roles";

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
  providers: [],
  callbacks: {
    // The proxy only redirects: signed-out users to the sign-in page, signed-in users away
    // from it. Role and branch checks are made by every page, action and route itself.
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      const signedIn = Boolean(auth?.user);
      if (pathname === "/login") {
        const role = auth?.user?.role;
        return signedIn && isRole(role) ? Response.redirect(new URL(HOME[role], request.nextUrl)) : true;
      }
      return signedIn;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.branchId = user.branchId ?? null;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && isRole(token.role)) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.branchId = token.branchId ?? null;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
