// Turns D1's answers into AppErrors a teller can act on, keeping D1's `errorCode`/`error` in
// `detail` for the log and the job event (d1-api.md §9), and tells a job queue which errors are
// worth another try. Only the codes D1 documents get their own sentence; any other code (a new
// D1 code, or one our simulator invents) gets the sentence of its HTTP status, and its
// `errorCode` still reaches the log and the job event.
import "server-only";
import { AppError, isAppError, type ErrorCode, type ErrorType } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import { maskPan } from "@/lib/log";

export type D1Operation = "token" | "order" | "status" | "cancel";

export interface D1ErrorBody {
  errorCode?: string;
  error?: string;
}

export interface D1ErrorContext {
  operation: D1Operation;
  cardId?: string;
  correlationId?: string;
  attempts?: number;
}

/**
 * The error codes D1 documents for its inbound physical-issuance APIs (§9). `error` names the
 * field for the FIELD_* codes and PARSING_ERROR.
 */
export const D1_DOCUMENTED_ERROR_CODES = [
  "FIELD_INVALID_FORMAT",
  "FIELD_INVALID_VALUE",
  "CRYPTO_ERROR",
  "PARSING_ERROR",
  "AUTHORIZER_UNAUTHORIZED",
] as const;

/**
 * D1 answers `{errorCode, error}` (§9); its 500 body may be `{error}` alone; the token endpoint's
 * body is unpublished, so OAuth-style `{error, error_description}` is read too.
 */
export function parseD1ErrorBody(json: unknown): D1ErrorBody {
  if (typeof json !== "object" || json === null) return {};
  const body = json as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? maskPan(v).slice(0, 300) : undefined);
  const errorCode = text(body.errorCode);
  const [error, description] = [text(body.error), text(body.error_description)];
  const detail = error && description ? `${error}: ${description}`.slice(0, 300) : (error ?? description);
  return { ...(errorCode ? { errorCode } : {}), ...(detail ? { error: detail } : {}) };
}

/** The encrypted card fields D1 may name, each with its own words in Errors.d1.cardField. */
const CARD_FIELDS = new Set([
  "pan",
  "exp",
  "secondName",
  "encodedName",
  "panSequenceNumber",
  "effectiveDate",
  "cvv1",
  "pvv",
  "paymentAccountReference",
]);

/**
 * The field D1 names in `error`. The docs show a bare name (`persoStation`); a JSON path
 * (`$.persoStation`, `/services/issuance`) or a prefix for the encrypted fields
 * (`encryptedData.pan`) are read the same way. Anything else is not taken for a field name.
 */
export function refusedField(error: string | undefined): string | undefined {
  if (!error) return undefined;
  const path = error
    .trim()
    .replace(/^\$\.?|^\//, "")
    .replace(/^(body|request)[./]/, "")
    .replace(/\//g, ".")
    .replace(/^encryptedData\./, "");
  return /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(path) ? path : undefined;
}

/** A sentence naming the refused field and who can fix it. */
function fieldMessage(error: string | undefined): Message {
  const field = refusedField(error);
  if (!field) return msg("Errors.d1.fieldRefused");
  if (field === "persoStation") return msg("Errors.d1.station");
  if (field === "name") return msg("Errors.d1.name");
  if (CARD_FIELDS.has(field)) return msg("Errors.d1.cardField", { field });
  if (field === "cardProductId" || field.startsWith("services") || field.startsWith("paymentApplication")) {
    return msg("Errors.d1.productSetting", { field });
  }
  return msg("Errors.d1.field", { field });
}

function finalError(status: number, body: D1ErrorBody): { code: ErrorCode; message: Message } {
  const { errorCode, error } = body;
  if (errorCode === "FIELD_INVALID_FORMAT" || errorCode === "FIELD_INVALID_VALUE") {
    return { code: "invalid:d1", message: fieldMessage(error) };
  }
  if (errorCode === "CRYPTO_ERROR") {
    return {
      code: "bad_request:d1",
      message: msg("Errors.d1.crypto"),
    };
  }
  if (errorCode === "PARSING_ERROR") {
    return {
      code: "bad_request:d1",
      message: msg("Errors.d1.parsing"),
    };
  }
  if (status === 401) {
    return {
      code: "unauthorized:d1",
      message: msg("Errors.d1.token"),
    };
  }
  if (status === 403)
    return {
      code: "forbidden:d1",
      message: msg("Errors.d1.forbidden"),
    };
  if (status === 404)
    return {
      code: "not_found:d1",
      message: msg("Errors.d1.notFound"),
    };
  if (status === 409)
    return {
      code: "conflict:d1",
      message: msg("Errors.d1.conflict"),
    };
  if (status === 413) return { code: "too_large:d1", message: msg("Errors.d1.tooLarge") };
  return { code: "bad_request:d1", message: msg("Errors.d1.refused") };
}

/** The AppError for a D1 answer that is not retried (4xx other than 429). */
export function d1ResponseError(status: number, json: unknown, ctx: D1ErrorContext): AppError {
  const body = parseD1ErrorBody(json);
  const { code, message } = ctx.operation === "token" ? tokenRefusal() : finalError(status, body);
  return new AppError(code, {
    message,
    detail: { ...ctx, httpStatus: status, d1ErrorCode: body.errorCode, d1Error: body.error },
  });
}

/** The token endpoint refused our assertion: a configuration problem (key, kid, clock, issuerId). */
function tokenRefusal(): { code: ErrorCode; message: Message } {
  return {
    code: "unauthorized:d1",
    message: msg("Errors.d1.credentials"),
  };
}

/** D1 unreachable or failing after every attempt. */
export function d1Unavailable(ctx: D1ErrorContext & Record<string, unknown>, cause?: unknown): AppError {
  return new AppError("unavailable:d1", { detail: ctx, cause });
}

/** Types that say nothing about this particular order: trying the same order later can succeed. */
const RETRYABLE_TYPES: ReadonlySet<ErrorType> = new Set(["unavailable", "rate_limit", "unauthorized", "internal"]);

/**
 * For a durable job queue: `true` = keep the job and try again later with the same cardId and
 * issuerRequestId; `false` = final, show the message to the teller.
 *
 * Retryable: D1 unreachable, timeouts, 429/5xx after every attempt (`unavailable:d1`), D1
 * refusing our credentials (`unauthorized:d1`: a configuration fix makes the job go through), an
 * unreadable D1 answer, and any error that is not an AppError (a bug or a deployment problem):
 * whether D1 got the order is then unknown, so the next run asks productionStatus (E3) before
 * sending the same cardId again (D1's answer to a repeated order is unpublished, §13).
 * Final: D1 refused this order (`bad_request`, `invalid`, `forbidden`, `not_found`, `conflict`,
 * `too_large`): sending it again would be refused again.
 */
export function isRetryableD1Error(error: unknown): boolean {
  if (!isAppError(error)) return true;
  return RETRYABLE_TYPES.has(error.type);
}

/** How long D1 asked us to wait (Retry-After beyond what a call waits), if it did. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!isAppError(error)) return undefined;
  const value = error.detail?.retryAfterMs;
  return typeof value === "number" ? value : undefined;
}
