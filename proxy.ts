// The proxy redirects and decorates, nothing else: signed-out visitors of a page go to /login,
// signed-in users away from /login, and every page gets a Content Security Policy with a fresh
// nonce (Next.js reads it from the request's CSP header and puts it on its scripts). Every page,
// action and route checks session, role and branch itself.
// It only reads the session (getToken): it never re-issues or sets a cookie, so a request in
// flight while a user signs out cannot bring the session back.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { HOME, isRole } from "@/lib/auth/roles";
import { ACTION_BODY_LIMIT_BYTES, CARD_FACE_MAX_BYTES } from "@/lib/card-face-size";
import { sameOrigin } from "@/lib/auth/origin";
import { newNonce, pageCsp } from "@/lib/auth/security-headers";
import { env } from "@/lib/env";

const SECURE_COOKIE = "__Secure-authjs.session-token";
// The bank's SSO sign-in starts with a form post that is redirected to the identity provider.
const FORM_ACTION_ORIGINS = env.AUTH_OIDC_ISSUER ? [new URL(env.AUTH_OIDC_ISSUER).origin] : [];

function withCsp(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * Next.js answers a server-action body over its limit with a 500 and the error page. Refuse it
 * here instead, by its declared length, with a 413 that says what is wrong. The forms never send
 * one (the product form checks the image in the browser); this is for hand-made requests.
 * A chunked body declares no length: Next.js counts its bytes while reading and stops at
 * bodySizeLimit (with its own 413 and error page), so nothing larger is read either way.
 */
function oversizedAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > ACTION_BODY_LIMIT_BYTES)) return null;
  const message = `The form is too large to send (${Math.ceil(length / 1024)} KB; at most ${ACTION_BODY_LIMIT_BYTES / 1024} KB). A card face image may be at most ${CARD_FACE_MAX_BYTES / 1024} KB.`;
  return new NextResponse(message, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Server actions (and forms posted without JavaScript) only from our own pages. Next.js checks
 * Origin against Host or X-Forwarded-Host; with a public origin configured we check against that
 * instead, so a client's own X-Forwarded-Host that a proxy passes on cannot make a foreign page
 * look like ours (lib/auth/origin.ts). Pages take no other writes.
 */
function foreignWrite(request: NextRequest): NextResponse | null {
  if (request.method === "GET" || request.method === "HEAD" || sameOrigin(request.headers)) return null;
  return new NextResponse("This request must come from the application's own pages.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

export default async function proxy(request: NextRequest) {
  const refused = foreignWrite(request) ?? oversizedAction(request);
  if (refused) return refused;
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: env.NODE_ENV === "development", formActionOrigins: FORM_ACTION_ORIGINS });
  const { pathname, searchParams } = request.nextUrl;
  const token = await getToken({
    req: request,
    secret: env.AUTH_SECRET,
    secureCookie: request.cookies.has(SECURE_COOKIE),
  }).catch(() => null);
  const role = token?.role;
  if (pathname === "/login" && token && isRole(role) && !searchParams.has("ended")) {
    // `ended`: the cookie is still signed but the server refused it; show the sign-in page.
    return withCsp(NextResponse.redirect(new URL(HOME[role], request.url)), csp);
  }
  if (pathname !== "/login" && !token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.url);
    return withCsp(NextResponse.redirect(login), csp);
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  return withCsp(NextResponse.next({ request: { headers } }), csp);
}

export const config = {
  // Not for APIs (they answer 401 themselves and get a static policy from next.config.mjs),
  // D1's paths, or static files.
  matcher: ["/((?!api/|notifications/|authz/|_next/static|_next/image|favicon.ico|card-faces/).*)"],
};
