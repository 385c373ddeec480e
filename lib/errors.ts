// The one coded error type. A code is `<type>:<surface>`, e.g. `forbidden:action` or
// `unavailable:d1`; the type picks the HTTP status, the pair picks a sentence a person can act on.
export type ErrorType =
  | "bad_request"
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "timeout"
  | "rate_limit"
  | "unavailable"
  | "internal";

export type Surface =
  | "auth"
  | "action"
  | "route"
  | "page"
  | "branch"
  | "job"
  | "customer"
  | "product"
  | "station"
  | "user"
  | "notification"
  | "token"
  | "d1"
  | "card_system"
  | "database"
  | "stock"
  | "second_signer"
  // A temporary password is set: only changing it (or signing out) is allowed.
  | "password_change_required";

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

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  "unauthorized:auth": "Your session has ended. Sign in again to continue.",
  "unauthorized:action": "Your session has ended. Sign in again to continue.",
  "unauthorized:route": "Sign in first: this request needs a valid session.",
  "forbidden:action": "Your role does not allow this action. Ask a branch manager or an admin.",
  "forbidden:route": "Your role does not allow this request.",
  "forbidden:page": "This page is not part of your role. Go back to your home page.",
  "forbidden:password_change_required":
    "You signed in with a temporary password. Choose your own password first; until then nothing else is allowed.",
  "forbidden:branch": "This belongs to another branch. You can only work with your own branch.",
  "rate_limit:auth": "Too many attempts. Wait a few minutes and try again.",
  "unavailable:d1": "The card service is not reachable right now. The request is kept and will be sent again.",
  "unavailable:card_system":
    "The bank's card system is not reachable right now. The request is kept and will be sent again.",
  "invalid:card_system":
    "The bank's card system returned card data that failed our checks, so no card was ordered. Retry; if it fails again, contact support with the job reference.",
  "conflict:card_system": "The bank's card system refused this change to the card. Contact the card operations team.",
  "unavailable:database": "The system is briefly unavailable. Try again in a moment; nothing was lost.",
  "internal:action": "Something went wrong on our side. Nothing was changed; try again.",
  "internal:route": "Something went wrong on our side. Nothing was changed; try again.",
};

const DEFAULTS: Record<ErrorType, string> = {
  bad_request: "The request is not valid.",
  invalid: "Some fields need attention.",
  unauthorized: "Sign in to continue.",
  forbidden: "You are not allowed to do this.",
  not_found: "It could not be found. It may have been removed, or it belongs to another branch.",
  conflict: "This changed in the meantime. Reload and try again.",
  too_large: "The request is too large.",
  timeout: "The request took too long to arrive.",
  rate_limit: "Too many requests. Wait a moment and try again.",
  unavailable: "The service is briefly unavailable. Try again in a moment.",
  internal: "Something went wrong on our side. Try again.",
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;
  /** Context for the log only (e.g. D1's errorCode); never sent to the browser. */
  readonly detail?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: { message?: string; fieldErrors?: FieldErrors; detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const [type, surface] = code.split(":") as [ErrorType, Surface];
    super(options.message ?? MESSAGES[code] ?? DEFAULTS[type], { cause: options.cause });
    this.name = "AppError";
    this.type = type;
    this.surface = surface;
    this.status = STATUS[type];
    this.fieldErrors = options.fieldErrors;
    this.detail = options.detail;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  /** The body a browser or API client may see. */
  toJSON(): { code: ErrorCode; message: string; fieldErrors?: FieldErrors } {
    return { code: this.code, message: this.message, ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}) };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
