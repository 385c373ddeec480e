// Edge-safe half of Auth.js: pages and the session's shape. No database here; authorisation
// happens in requireUser/requireRole, guardPage and the action wrapper (proxy.ts only redirects).
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { isRole } from "./roles";

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
  providers: [],
  callbacks: {
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
