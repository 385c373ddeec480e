// One callback URL for both legs of single sign-on. Auth.js builds the authorization request's
// redirect_uri (our sign-in action) from AUTH_URL, else from the request's X-Forwarded-Host/Host
// and X-Forwarded-Proto, but the token request's from the route handler's `request.url`. Next.js
// derives that URL from the address it listens on, not from the browser's, and its NextRequest
// turns every loopback host (127.0.0.1, [::1]) into "localhost", AUTH_URL's included (next-auth
// wraps the request in a new NextRequest). The provider then sees two redirect_uris and answers
// invalid_grant. So the route gets a plain Request on the origin the sign-in leg used.
import { createActionURL } from "@auth/core";
import { env } from "@/lib/env";

export const AUTH_BASE_PATH = "/api/auth";

/** The public origin Auth.js uses: AUTH_URL's when configured, else the request's own. */
export function authOrigin(headers: Headers, authUrl: string | undefined = env.AUTH_URL): string {
  // Auth.js's own derivation, with the arguments next-auth's signIn() passes it (Next.js always
  // sets X-Forwarded-Proto; "https" is Auth.js's own fallback).
  const proto = headers.get("x-forwarded-proto") ?? "https";
  return createActionURL("signin", proto, headers, { AUTH_URL: authUrl }, { basePath: AUTH_BASE_PATH }).origin;
}

/** The same request, addressed to the public origin instead of Next.js's idea of its URL. */
export function onPublicOrigin(request: Request, authUrl: string | undefined = env.AUTH_URL): Request {
  const { pathname, search } = new URL(request.url);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(`${authOrigin(request.headers, authUrl)}${pathname}${search}`, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : undefined,
    signal: request.signal,
    // Required by Node's fetch for a streamed body.
    ...(hasBody ? { duplex: "half" } : {}),
  });
}
