// Our token endpoint for D1 (E6): client credentials with HTTP Basic, short-lived bearer tokens.
import "server-only";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";
import { log } from "@/lib/log";
import { notifyAuth, requireMtls, type NotifyAuth } from "./auth";
import { usesMtls, usesOauth } from "./auth-mode";
import { checkD1Credentials, d1NotificationsConfigured, signD1Token } from "./token";

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  Response.json(
    { error, error_description: description },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );

/** A client-credentials form is a few hundred bytes. */
const MAX_BODY_BYTES = 4096;

/** `auth` defaults to the configured mode (D1_NOTIFY_AUTH); tests pass another. */
export async function issueD1Token(request: Request, auth: NotifyAuth = notifyAuth()): Promise<Response> {
  if (auth.mode && !usesOauth(auth.mode)) {
    // mTLS alone: no token is ever accepted, so none is handed out.
    return oauthError(404, "invalid_request", "This server authenticates D1 by mutual TLS only; no token is issued.");
  }
  // With both, the token call comes over the same mutual TLS as the notifications.
  if (usesMtls(auth.mode)) requireMtls(request, auth, "token");
  if (!d1NotificationsConfigured()) {
    return oauthError(503, "temporarily_unavailable", "D1 client credentials are not configured on this server.");
  }
  const clientId = checkD1Credentials(request.headers.get("authorization"));
  if (!clientId) {
    log.warn({ event: "d1_token_refused" }, "D1 token request with wrong client credentials");
    return oauthError(401, "invalid_client", "HTTP Basic client credentials are missing or wrong.", {
      "www-authenticate": 'Basic realm="d1"',
    });
  }
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "Send the body as application/x-www-form-urlencoded.");
  }
  let text: string;
  try {
    text = await readBodyText(request, {
      maxBytes: MAX_BODY_BYTES,
      timeoutMs: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
      surface: "token",
    });
  } catch (error) {
    if (isAppError(error)) return oauthError(error.status, "invalid_request", error.message);
    throw error;
  }
  const form = new URLSearchParams(text);
  if (form.get("grant_type") !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials.");
  }
  const { token, expiresAt } = await signD1Token(clientId);
  return Response.json(
    {
      access_token: token,
      token_type: "Bearer",
      expires_in: String(env.D1_NOTIFY_TOKEN_TTL_SECONDS),
      expires_at: expiresAt.toISOString(),
      scope: form.get("scope") ?? "notifications",
    },
    { headers: { "cache-control": "no-store", pragma: "no-cache" } },
  );
}
