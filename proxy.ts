// The proxy only redirects: signed-out visitors of a page go to /login, signed-in users away
// from /login. Every page, action and route checks session, role and branch itself.
// It only reads the session (getToken): it never re-issues the cookie, so a request in flight
// while a user signs out cannot bring the session back.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { HOME, isRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";

const SECURE_COOKIE = "__Secure-authjs.session-token";

export default async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const token = await getToken({
    req: request,
    secret: env.AUTH_SECRET,
    secureCookie: request.cookies.has(SECURE_COOKIE),
  }).catch(() => null);
  const role = token?.role;
  if (pathname === "/login") {
    // `ended`: the cookie is still signed but the server refused it; show the sign-in page.
    if (token && isRole(role) && !searchParams.has("ended")) return NextResponse.redirect(new URL(HOME[role], request.url));
    return NextResponse.next();
  }
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.url);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  // Not for APIs (they answer 401 themselves), D1's paths, or static files.
  matcher: ["/((?!api/|notifications/|authz/|_next/static|_next/image|favicon.ico|card-faces/).*)"],
};
