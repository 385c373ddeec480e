// The one coded error type. A code is `<type>:<surface>`, e.g. `forbidden:action` or
// `unavailable:d1`; the type picks the HTTP status, the pair picks a sentence a person can act on
// (a message key, rendered in the reader's language where the error leaves the server).
import { isMessageKey, msg, render, type Message } from "@/lib/i18n/message";
import type { Locale } from "@/lib/vocabulary";

export const ERROR_TYPES = [
  "bad_request",
  "invalid",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "too_large",
  "timeout",
  "rate_limit",
  "unavailable",
  "internal",
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export const SURFACES = [
  "auth",
  "action",
  "route",
  "page",
  "branch",
  "job",
  "customer",
  "product",
  "station",
  "user",
  "notification",
  "token",
  "d1",
  "card_system",
  "database",
  "stock",
  "second_signer",
  // A temporary password is set: only changing it (or signing out) is allowed.
  "password_change_required",
] as const;
export type Surface = (typeof SURFACES)[number];

export type ErrorCode = `${ErrorType}:${Surface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  timeout: 408,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
};

/** The sentence of a code: its own (`Errors.code.<type>_<surface>`), else its type's (`Errors.type.<type>`). */
export function codeMessage(code: ErrorCode): Message {
  const [type, surface] = code.split(":") as [ErrorType, Surface];
  const own = `Errors.code.${type}_${surface}`;
  return msg(isMessageKey(own) ? own : `Errors.type.${type}`);
}

/** Field errors as the browser receives them: the rendered sentences per field. */
export type FieldErrors = Record<string, string[]>;
/** Field errors as they are raised: message keys with values, rendered in the reader's language. */
export type FieldMessages = Record<string, Message[]>;

export type ErrorBody = { code: ErrorCode; message: string; fieldErrors?: FieldErrors };

function renderFields(fields: FieldMessages, locale: Locale): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([field, list]) => [field, list.map((m) => render(m, locale))]));
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly status: number;
  /** The message to render in the reader's language; `message` is its English, for logs and tests. */
  readonly text: Message;
  readonly fieldMessages?: FieldMessages;
  /** The field errors in English (logs and tests); the browser gets them in its language (toBody). */
  readonly fieldErrors?: FieldErrors;
  /** Context for the log only (e.g. D1's errorCode); never sent to the browser. */
  readonly detail?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: { message?: Message; fieldErrors?: FieldMessages; detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const [type, surface] = code.split(":") as [ErrorType, Surface];
    const text = options.message ?? codeMessage(code);
    super(render(text, "en"), { cause: options.cause });
    this.name = "AppError";
    this.type = type;
    this.surface = surface;
    this.status = STATUS[type];
    this.text = text;
    this.fieldMessages = options.fieldErrors;
    this.fieldErrors = options.fieldErrors && renderFields(options.fieldErrors, "en");
    this.detail = options.detail;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  /** The body a browser may see, in the reader's language. */
  toBody(locale: Locale): ErrorBody {
    return {
      code: this.code,
      message: render(this.text, locale),
      ...(this.fieldMessages ? { fieldErrors: renderFields(this.fieldMessages, locale) } : {}),
    };
  }

  /** The body in English: for machines (D1's calls, metrics) and the log. */
  toJSON(): ErrorBody {
    return this.toBody("en");
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
