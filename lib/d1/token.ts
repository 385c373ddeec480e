// D1 access tokens (E1, d1-api.md §5.2): a jwt-bearer assertion signed ES256 with our key is
// exchanged for a 15-minute token. D1 asks for reuse until expiry, so the token is cached, one
// fetch serves every concurrent caller, and a 401 elsewhere invalidates it. The assertion and
// the token are secrets: they never reach a log line or an error.
import "server-only";
import { randomUUID } from "node:crypto";
import { importPKCS8, SignJWT, type CryptoKey } from "jose";
import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { observeTokenFetch } from "@/lib/metrics/hooks";
import type { D1Config } from "./config";
import { d1ResponseError, d1Unavailable } from "./errors";
import { sendOnce, TransportError } from "./transport";

export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** D1 refuses an assertion whose exp is more than 15 minutes ahead; stay well inside it. */
const ASSERTION_LIFETIME_S = 5 * 60;
/** Refresh this long before the token expires, so a call never carries a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  // D1 documents a number; its outbound sibling API sends a string (§11). Accept both.
  expires_in: z.coerce.number().positive(),
  token_type: z.string().optional(),
});

export interface TokenClient {
  /** A valid access token, fetched only when none is cached or it is about to expire. */
  get(): Promise<string>;
  /** Forget the token (after a 401). With `token`, only if it is still the cached one. */
  invalidate(token?: string): void;
}

export interface TokenClientDeps {
  config: Pick<D1Config, "issuerId" | "authzUrl" | "signing" | "audience" | "timeoutMs">;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Clock of the cache (ms since the epoch); injectable so tests can move time. */
  now?: () => number;
  /** False for the training simulator's client: its calls are no D1 traffic (docs/training.md). */
  recordMetrics?: boolean;
}

/** The signed jwt-bearer assertion: iss = sub = issuerId, short exp, unique jti. */
export async function signAssertion(
  key: CryptoKey,
  claims: { issuerId: string; kid: string; audience?: string; nowMs: number },
): Promise<string> {
  const iat = Math.floor(claims.nowMs / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: claims.kid, typ: "JWT" })
    .setIssuer(claims.issuerId)
    .setSubject(claims.issuerId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_S)
    .setJti(randomUUID());
  if (claims.audience) jwt.setAudience(claims.audience);
  return jwt.sign(key);
}

/** Counts a token fetch for /api/metrics: ok, refused by D1, or failed (unreachable, 5xx). */
function counted(fetch: Promise<string>): Promise<string> {
  const started = performance.now();
  return fetch.then(
    (token) => {
      observeTokenFetch("ok", performance.now() - started);
      return token;
    },
    (err: unknown) => {
      const outcome = isAppError(err) && err.type !== "unavailable" ? "refused" : "error";
      observeTokenFetch(outcome, performance.now() - started);
      throw err;
    },
  );
}

export function createTokenClient(deps: TokenClientDeps): TokenClient {
  // deps.config and deps.dispatcher are read per use: the client may swap them (lib/d1/reload.ts).
  const { logger } = deps;
  const now = deps.now ?? Date.now;
  let signingKey: { pem: string; kid: string; key: Promise<CryptoKey> } | undefined;
  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  /** A token was granted for the old key; after a rollover the next one must come from the new. */
  function checkSigningKey(): void {
    const { privateKeyPem, kid } = deps.config.signing;
    if (signingKey && signingKey.pem === privateKeyPem && signingKey.kid === kid) return;
    if (signingKey) {
      cached = undefined;
      logger.info({ d1: { event: "signing_key_changed", kid } }, "D1 signing key changed; token cache dropped");
    }
    const key = importPKCS8(privateKeyPem, "ES256");
    const entry = { pem: privateKeyPem, kid, key };
    key.catch(() => {
      // A bad key must not stay cached as a rejected promise.
      if (signingKey === entry) signingKey = undefined;
    });
    signingKey = entry;
  }

  async function fetchToken(): Promise<string> {
    const config = deps.config;
    checkSigningKey();
    const { key, kid } = signingKey!;
    const sentAt = now();
    const assertion = await signAssertion(await key, {
      issuerId: config.issuerId,
      kid,
      audience: config.audience,
      // Always the wall clock: D1 checks exp against real time, whatever clock the cache uses.
      nowMs: Date.now(),
    });
    const correlationId = randomUUID();
    const ctx = { operation: "token" as const, correlationId };
    let res;
    try {
      // Read at the send, not before the signing: a pool replaced meanwhile is already closing.
      res = await sendOnce(deps.dispatcher, {
        method: "POST",
        url: `${config.authzUrl}/oauth2/token`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
          "x-correlation-id": correlationId,
        },
        body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
        timeoutMs: config.timeoutMs,
      });
    } catch (err) {
      if (err instanceof TransportError) {
        logger.warn({ d1: { ...ctx, reason: err.reason, ms: now() - sentAt } }, "D1 token request failed");
        throw d1Unavailable({ ...ctx, reason: err.reason }, err);
      }
      throw err;
    }
    logger.info({ d1: { ...ctx, httpStatus: res.status, ms: now() - sentAt } }, "D1 token request");
    if (res.status === 429 || res.status >= 500) throw d1Unavailable({ ...ctx, httpStatus: res.status });
    if (res.status !== 200) throw d1ResponseError(res.status, res.json, ctx);
    const parsed = tokenResponseSchema.safeParse(res.json);
    if (!parsed.success || (parsed.data.token_type && parsed.data.token_type.toLowerCase() !== "bearer")) {
      throw new AppError("internal:d1", {
        message: msg("Errors.d1TokenUnreadable"),
        detail: { ...ctx, reason: "unexpected token response" },
      });
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    // A token shorter-lived than twice the margin is kept for half its life instead.
    const keepMs = lifetimeMs > 2 * REFRESH_MARGIN_MS ? lifetimeMs - REFRESH_MARGIN_MS : lifetimeMs / 2;
    cached = { token: parsed.data.access_token, refreshAt: sentAt + keepMs };
    return parsed.data.access_token;
  }

  return {
    get() {
      checkSigningKey();
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inflight ??= (deps.recordMetrics === false ? fetchToken() : counted(fetchToken())).finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate(token) {
      if (token === undefined || cached?.token === token) cached = undefined;
    },
  };
}
