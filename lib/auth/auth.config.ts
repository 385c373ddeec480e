// Edge-safe half of Auth.js: pages and the session's shape. No database here; authorisation
// happens in requireUser/requireRole, guardPage and the action wrapper (proxy.ts only redirects).
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { isRole } from "./roles";

export const authConfig = {
  // Auth.js renders none of its own pages: GET /api/auth/signout goes to our sign-in page (our
  // sign-out is a POST form, POST /api/session/sign-out).
  pages: { signIn: "/login", signOut: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  // Cookies are always httpOnly and SameSite=Lax (Auth.js defaults). Secure: true behind the
  // bank's TLS proxy (AUTH_SECURE_COOKIES); unset, Auth.js decides from AUTH_URL or the request's
  // protocol (X-Forwarded-Proto).
  useSecureCookies: env.AUTH_SECURE_COOKIES,
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
        session.user.sessionId = token.sid ?? null;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
