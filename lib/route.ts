// Guards and error mapping for route handlers: the same checks as actions, answered in HTTP.
import "server-only";
import { isDatabaseUnavailable } from "@/db/queries/pg-error";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";

export function toResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  if (isAppError(error)) {
    if (error.status >= 500) log.error({ ...context, err: error, detail: error.detail }, "route failed");
    return Response.json(error.toJSON(), { status: error.status, headers: { "cache-control": "no-store" } });
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ ...context, err: error }, "database unavailable");
    const unavailable = new AppError("unavailable:database");
    return Response.json(unavailable.toJSON(), {
      status: 503,
      headers: { "cache-control": "no-store", "retry-after": "2" },
    });
  }
  log.error({ ...context, err: error }, "route crashed");
  const internal = new AppError("internal:route");
  return Response.json(internal.toJSON(), { status: 500, headers: { "cache-control": "no-store" } });
}

/** Wraps a handler so that every thrown error becomes a coded JSON response. */
export function route<A extends unknown[]>(name: string, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return toResponse(error, { route: name });
    }
  };
}
