// The proxy only redirects (signed-out → /login, signed-in away from /login). Every page,
// action and route checks session, role and branch itself.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  // Not for APIs (they answer 401 themselves), D1's paths, or static files.
  matcher: ["/((?!api/|notifications/|authz/|_next/static|_next/image|favicon.ico|card-faces/).*)"],
};
