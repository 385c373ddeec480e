// The request loop shared by the banking calls (E2, E3): bearer token, correlation id, one log
// line per attempt, and retries with exponential backoff and full jitter, only where another
// try can help: network errors, timeouts, 429 (honouring Retry-After) and 5xx. A 401 refreshes
// the token and tries once more. Other answers are returned for the caller to map.
// A call that is not safe to repeat (E2: D1 does not say what it does with a repeated order,
// d1-api.md §13) is repeated here only after failures that certainly never reached D1; after an
// uncertain one it stops with UncertainOutcome so that the caller can ask D1 first.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import { isAppError } from "@/lib/errors";
import { observeD1Attempt } from "@/lib/metrics/hooks";
import { withSpan } from "@/lib/tracing/spans";
import { retryPolicy, type D1Config, type RetryPolicy } from "./config";
import { d1Unavailable, parseD1ErrorBody, type D1Operation } from "./errors";
import type { TokenClient } from "./token";
import { sendOnce, TransportError, type RawResponse } from "./transport";

export interface D1HttpDeps {
  config: D1Config;
  dispatcher: Dispatcher;
  tokens: TokenClient;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  /** [0, 1); injectable so tests can pin the jitter. */
  random: () => number;
  /** False for the training simulator's client: its calls are no D1 traffic (docs/training.md). */
  recordMetrics?: boolean;
}

export interface D1Call {
  operation: Exclude<D1Operation, "token">;
  method: "GET" | "POST";
  /** Path below the banking base URL, e.g. /issuers/X/physicalCards/Y/productionStatus */
  path: string;
  cardId: string;
  correlationId: string;
  /** Built again for every attempt, so card data is encrypted afresh and held only for the call. */
  body?: () => Promise<string>;
  /** False for E2: repeat only when D1 certainly did not get the request. Default true. */
  safeToRepeat?: boolean;
}

/**
 * A call that is not safe to repeat may or may not have reached D1: a timeout or reset after
 * sending, or a 5xx/429 answer (D1 may have taken the order before failing). `retryAfterMs` is
 * D1's Retry-After, when it sent one.
 */
export class UncertainOutcome extends Error {
  constructor(
    readonly detail: Record<string, unknown> & { attempts: number; retryAfterMs?: number },
    cause?: unknown,
  ) {
    super("D1 may or may not have received the request", { cause });
    this.name = "UncertainOutcome";
  }
}

export interface D1Answer extends RawResponse {
  attempts: number;
}

/** An x-correlation-id for a call that has none of its own (§4: never derived from personal data). */
export function newCorrelationId(): string {
  return randomUUID();
}

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^(attempt-1))). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  if (/^\s*\d+\s*$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const retryableStatus = (status: number) => status === 429 || status >= 500;

type Outcome =
  | { kind: "answer"; res: RawResponse; token: string }
  /** `notSent`: the request certainly never reached D1 (no connection, TLS refused, no token). */
  | { kind: "failed"; reason: string; cause: unknown; notSent: boolean };

/** One D1 call, all its attempts in one span (the undici instrumentation adds one per attempt). */
export function callD1(deps: D1HttpDeps, call: D1Call): Promise<D1Answer> {
  return withSpan(
    `d1.${call.operation}`,
    { "bii.d1.operation": call.operation, "bii.d1.card_id": call.cardId, "bii.d1.correlation_id": call.correlationId },
    async (span) => {
      const answer = await callWithRetries(deps, call);
      span.setAttributes({ "http.response.status_code": answer.status, "bii.d1.attempts": answer.attempts });
      return answer;
    },
  );
}

async function callWithRetries(deps: D1HttpDeps, call: D1Call): Promise<D1Answer> {
  const { config, logger } = deps;
  const policy = retryPolicy(config);
  const ctx = { operation: call.operation, cardId: call.cardId, correlationId: call.correlationId };
  let refreshedAfter401 = false;
  let attempt = 0;
  let last: Record<string, unknown> = {};
  let lastCause: unknown;

  while (attempt < config.maxAttempts) {
    attempt++;
    const started = Date.now();
    const outcome = await exchange(deps, call);
    const ms = Date.now() - started;
    let delay: number;

    if (deps.recordMetrics !== false)
      observeD1Attempt(
        call.operation,
        outcome.kind === "failed" ? outcome.reason : outcome.res.status,
        outcome.kind === "answer" && outcome.res.status >= 400
          ? parseD1ErrorBody(outcome.res.json).errorCode
          : undefined,
        ms,
      );
    if (outcome.kind === "failed") {
      logger.warn(
        { d1: { ...ctx, method: call.method, path: call.path, attempt, ms, reason: outcome.reason } },
        "D1 call failed",
      );
      last = { reason: outcome.reason };
      lastCause = outcome.cause;
      if (call.safeToRepeat === false && !outcome.notSent) {
        throw new UncertainOutcome({ ...ctx, attempts: attempt, ...last }, outcome.cause);
      }
      delay = backoffDelay(attempt, policy, deps.random);
    } else {
      const { res, token } = outcome;
      // D1's `{errorCode, error}` (or a 5xx's bare `{error}`), kept for the log and the job event.
      const { errorCode: d1ErrorCode, error: d1Error } = res.status >= 400 ? parseD1ErrorBody(res.json) : {};
      const line = {
        d1: { ...ctx, method: call.method, path: call.path, attempt, ms, httpStatus: res.status, d1ErrorCode },
      };
      if (res.status < 400) logger.info(line, "D1 call");
      else logger.warn(line, "D1 call refused");

      if (res.status === 401 && !refreshedAfter401) {
        // The token was revoked or D1 restarted its keys: fetch a new one and try again, once,
        // without spending an attempt meant for network trouble.
        refreshedAfter401 = true;
        deps.tokens.invalidate(token);
        attempt--;
        continue;
      }
      if (!retryableStatus(res.status)) return { ...res, attempts: attempt };

      last = { httpStatus: res.status, d1ErrorCode, d1Error };
      lastCause = undefined;
      const retryAfter =
        res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers["retry-after"]) : undefined;
      const uncertain = call.safeToRepeat === false;
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
        // Waiting that long inside a request would block a worker; the job queue can wait instead.
        throw d1Unavailable({
          ...ctx,
          attempts: attempt,
          ...last,
          retryAfterMs: retryAfter,
          ...(uncertain ? { uncertain } : {}),
        });
      }
      if (uncertain) {
        throw new UncertainOutcome({
          ...ctx,
          attempts: attempt,
          ...last,
          ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
        });
      }
      delay = retryAfter ?? backoffDelay(attempt, policy, deps.random);
    }
    if (attempt < config.maxAttempts) await deps.sleep(delay);
  }
  throw d1Unavailable({ ...ctx, attempts: attempt, ...last }, lastCause);
}

/** One attempt. Failures worth another try come back as `failed`; anything else is thrown. */
async function exchange(deps: D1HttpDeps, call: D1Call): Promise<Outcome> {
  let token: string;
  try {
    token = await deps.tokens.get();
  } catch (err) {
    // Token endpoint unreachable or failing: the same retry rules as the call itself.
    if (isAppError(err) && err.type === "unavailable") {
      const why = err.detail?.reason ?? err.detail?.httpStatus;
      return {
        kind: "failed",
        reason: `token ${typeof why === "string" || typeof why === "number" ? why : "unavailable"}`,
        cause: err,
        notSent: true,
      };
    }
    throw err;
  }
  const body = call.body ? await call.body() : undefined;
  try {
    const res = await sendOnce(deps.dispatcher, {
      method: call.method,
      url: `${deps.config.bankingUrl}${call.path}`,
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/json",
        "x-correlation-id": call.correlationId,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body }),
      timeoutMs: deps.config.timeoutMs,
    });
    return { kind: "answer", res, token };
  } catch (err) {
    if (err instanceof TransportError) return { kind: "failed", reason: err.reason, cause: err, notSent: err.notSent };
    throw err;
  }
}
