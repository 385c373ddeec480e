// The second person's re-authentication at the bank's identity provider, for a dual-control
// step: an authorization-code flow of its own (PKCE, state, nonce) with prompt=login and
// max_age=0, with the same client as sign-in (lib/auth/oidc.ts). The ID token is checked twice
// over: by oauth4webapi (issuer, audience, expiry, nonce, auth_time within FRESH_SECONDS) and its
// signature by jose against the provider's published keys, which oauth4webapi leaves to TLS.
import "server-only";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { env } from "@/lib/env";
import type { PendingFlow } from "./sso-flow-cookie";
import type { DualControlStep } from "@/lib/vocabulary";

export const CALLBACK_PATH = "/api/dual-control/sso/callback";
/** Sign-in's scopes (Auth.js's default for OIDC), so the ID token carries the same claims. */
const SCOPE = "openid profile email";
/** The provider must have checked the password at most this long ago. */
export const FRESH_SECONDS = 120;
/** Clock difference tolerated between us and the provider. */
const SKEW_SECONDS = 5;
/** Auth.js's default and every bank IdP's: the algorithm an ID token must be signed with. */
const ID_TOKEN_ALG = "RS256";

type Configured = { issuer: string; clientId: string; clientSecret: string };

/** The sign-in client, when single sign-on is configured. */
export function ssoClient(): Configured | null {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = env;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

/** The provider's name for the forms' "Confirm with …" button, or null without single sign-on. */
export const ssoConfirmName = (): string | null => (ssoClient() ? env.AUTH_OIDC_NAME : null);

function configured(): Configured {
  const client = ssoClient();
  if (!client) throw new Error("single sign-on is not configured");
  return client;
}

let metadata: Promise<oauth.AuthorizationServer> | undefined;
let keys: ReturnType<typeof createRemoteJWKSet> | undefined;

/** The provider's discovery document, fetched once per process (again after a failure). */
function authorizationServer(): Promise<oauth.AuthorizationServer> {
  metadata ??= (async () => {
    const issuer = new URL(configured().issuer);
    const response = await oauth.discoveryRequest(issuer, { algorithm: "oidc", signal: AbortSignal.timeout(5_000) });
    return oauth.processDiscoveryResponse(issuer, response);
  })().catch((error: unknown) => {
    metadata = undefined;
    throw error;
  });
  return metadata;
}

const client = (): oauth.Client => ({ client_id: configured().clientId, id_token_signed_response_alg: ID_TOKEN_ALG });

/** A new flow for `actor` at `branchId`: the provider's URL for the popup, and what to keep. */
export async function beginConfirmation({
  actorId,
  branchId,
  step,
  hint,
  origin,
}: {
  actorId: string;
  branchId: string;
  step: DualControlStep;
  hint: string | undefined;
  origin: string;
}): Promise<{ url: URL; flow: PendingFlow }> {
  const as = await authorizationServer();
  if (!as.authorization_endpoint) throw new Error("the provider names no authorization endpoint");
  const flow: PendingFlow = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    actorId,
    branchId,
    step,
    startedAt: Math.floor(Date.now() / 1000),
  };
  const url = new URL(as.authorization_endpoint);
  const params = {
    client_id: configured().clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    response_type: "code",
    scope: SCOPE,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    // The person must type their password now, whatever session they have at the provider.
    prompt: "login",
    max_age: "0",
    ...(hint ? { login_hint: hint } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { url, flow };
}

/** Why a confirmation failed, in the words the popup shows (lib/dual-control/messages.ts). */
export class ConfirmationError extends Error {
  constructor(
    readonly reason: "canceled" | "not_fresh" | "failed",
    message: string,
  ) {
    super(message);
  }
}

/**
 * True when the provider authenticated the person after the popup opened and at most
 * FRESH_SECONDS ago (seconds since the epoch throughout).
 */
export function isFreshAuthentication(authTime: unknown, startedAt: number, now: number): boolean {
  return (
    typeof authTime === "number" &&
    authTime >= startedAt - SKEW_SECONDS &&
    authTime <= now + SKEW_SECONDS &&
    now - authTime <= FRESH_SECONDS
  );
}

/**
 * The provider's answer at our callback, checked against the pending flow; returns the ID
 * token's claims, which sign-in's own rules then turn into a user of ours.
 */
export async function finishConfirmation({
  callbackUrl,
  flow,
  origin,
}: {
  callbackUrl: URL;
  flow: PendingFlow;
  origin: string;
}): Promise<Record<string, unknown>> {
  const as = await authorizationServer();
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client(), callbackUrl.searchParams, flow.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new ConfirmationError("canceled", `provider answered ${error.error}`);
    }
    throw error;
  }
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client(),
    oauth.ClientSecretBasic(configured().clientSecret),
    params,
    `${origin}${CALLBACK_PATH}`,
    flow.codeVerifier,
    { signal: AbortSignal.timeout(10_000) },
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client(), response, {
    expectedNonce: flow.nonce,
    maxAge: FRESH_SECONDS,
    requireIdToken: true,
  });
  if (!as.jwks_uri) throw new Error("the provider publishes no keys (jwks_uri)");
  keys ??= createRemoteJWKSet(new URL(as.jwks_uri));
  const { payload } = await jwtVerify(tokens.id_token!, keys, {
    issuer: as.issuer,
    audience: configured().clientId,
    algorithms: [ID_TOKEN_ALG],
    requiredClaims: ["exp", "iat", "sub", "auth_time"],
  });
  if (!isFreshAuthentication(payload.auth_time, flow.startedAt, Math.floor(Date.now() / 1000))) {
    throw new ConfirmationError("not_fresh", "auth_time missing or older than the popup");
  }
  return payload;
}
