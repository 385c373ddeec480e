// E1: the jwt-bearer token endpoint (RFC 7523) and the bearer check for E2/E3.
// D1 facts (§5.2): ES256 only, key picked by `kid`, iss == sub == issuerId, exp at most 15 min
// ahead, 900 s access token. The 400 body format and the token format are simulator decisions.
import { randomBytes } from "node:crypto";
import { decodeProtectedHeader, importSPKI, jwtVerify, SignJWT, errors, type CryptoKey } from "jose";
import { HttpError } from "./http-util";

export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const TOKEN_LIFETIME_S = 900;
const MAX_ASSERTION_LIFETIME_S = 15 * 60;
/** Clock-skew allowance on the 15-minute rule and on expiry (simulator decision). */
const SKEW_S = 5;
const TOKEN_ISSUER = "d1-simulator";
const TOKEN_AUDIENCE = "d1-banking-api";
/** Scopes for physical issuance are not published (§5.2 [U]); this value is ours. */
export const TOKEN_SCOPE = "d1-api:physical-card:order d1-api:physical-card:read";

export interface RegisteredKey {
  kid: string;
  publicKeyPem: string;
}

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: "Bearer";
  scope: string;
}

function oauthError(error: string, description: string): HttpError {
  return new HttpError(400, undefined, description, {}, { error, error_description: description });
}

export class TokenService {
  private readonly secret = randomBytes(32);
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly issuerId: string,
    registered: RegisteredKey[],
  ) {
    for (const k of registered) this.keys.set(k.kid, importSPKI(k.publicKeyPem, "ES256"));
  }

  /** Handles an E1 body (already parsed from form or JSON). Throws HttpError 400 on refusal. */
  async exchange(params: Record<string, unknown>): Promise<TokenResponse> {
    const grantType = params.grant_type;
    const assertion = params.assertion;
    if (typeof grantType !== "string" || grantType === "")
      throw oauthError("invalid_request", "grant_type is required");
    if (grantType !== JWT_BEARER_GRANT)
      throw oauthError("unsupported_grant_type", `grant_type must be ${JWT_BEARER_GRANT}`);
    if (typeof assertion !== "string" || assertion === "") throw oauthError("invalid_request", "assertion is required");

    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      throw oauthError("invalid_grant", "assertion is not a compact JWS");
    }
    if (header.alg !== "ES256") throw oauthError("invalid_grant", "assertion alg must be ES256");
    if (typeof header.kid !== "string" || header.kid === "")
      throw oauthError("invalid_grant", "assertion header has no kid");
    const key = this.keys.get(header.kid);
    if (!key) throw oauthError("invalid_grant", `unknown kid: ${header.kid}`);

    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(assertion, await key, { algorithms: ["ES256"], clockTolerance: SKEW_S }));
    } catch (err) {
      if (err instanceof errors.JWTExpired)
        throw oauthError("invalid_grant", "assertion has expired (exp is in the past)");
      if (err instanceof errors.JWSSignatureVerificationFailed)
        throw oauthError("invalid_grant", "assertion signature is invalid");
      if (err instanceof errors.JWTClaimValidationFailed)
        throw oauthError("invalid_grant", `assertion claim ${err.claim} is invalid: ${err.reason}`);
      throw oauthError("invalid_grant", "assertion could not be verified");
    }
    const { iss, sub, exp } = payload;
    if (typeof iss !== "string" || typeof sub !== "string")
      throw oauthError("invalid_grant", "assertion must carry iss and sub");
    if (iss !== sub) throw oauthError("invalid_grant", "assertion iss and sub must be equal");
    if (iss !== this.issuerId) throw oauthError("invalid_grant", `unknown issuer: ${iss}`);
    if (typeof exp !== "number") throw oauthError("invalid_grant", "assertion must carry a numeric exp");
    const now = Math.floor(Date.now() / 1000);
    if (exp > now + MAX_ASSERTION_LIFETIME_S + SKEW_S)
      throw oauthError("invalid_grant", "assertion exp is more than 15 minutes ahead");

    const accessToken = await new SignJWT({ scope: TOKEN_SCOPE })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(iss)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_LIFETIME_S)
      .setJti(randomBytes(12).toString("base64url"))
      .sign(this.secret);
    return { access_token: accessToken, expires_in: TOKEN_LIFETIME_S, token_type: "Bearer", scope: TOKEN_SCOPE };
  }

  /** Checks `Authorization: Bearer …` and returns the issuer it was granted to. */
  async authenticate(authorization: string | undefined): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match?.[1]) {
      throw new HttpError(401, undefined, "missing bearer token", { "www-authenticate": 'Bearer realm="d1"' });
    }
    try {
      const { payload } = await jwtVerify(match[1], this.secret, {
        algorithms: ["HS256"],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
      if (typeof payload.sub !== "string") throw new Error("no sub");
      return payload.sub;
    } catch (err) {
      const why = err instanceof errors.JWTExpired ? "access token has expired" : "access token is not valid";
      throw new HttpError(401, "AUTHORIZER_UNAUTHORIZED", why, { "www-authenticate": 'Bearer error="invalid_token"' });
    }
  }
}
