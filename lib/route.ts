// Guards and error mapping for route handlers: the same checks as actions, answered in HTTP.
import "server-only";
import { isDatabaseUnavailable } from "@/db/queries/pg-error";
import { AppError, isAppError } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/log";
import type { Locale } from "@/lib/vocabulary";

/** The coded JSON answer for an error, its message in `locale` (English for machines and logs). */
export function toResponse(error: unknown, context: Record<string, unknown> = {}, locale: Locale = "en"): Response {
  if (isAppError(error)) {
    if (error.status >= 500) log.error({ ...context, err: error, detail: error.detail }, "route failed");
    return Response.json(error.toBody(locale), { status: error.status, headers: { "cache-control": "no-store" } });
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ ...context, err: error }, "database unavailable");
    const unavailable = new AppError("unavailable:database");
    return Response.json(unavailable.toBody(locale), {
      status: 503,
      headers: { "cache-control": "no-store", "retry-after": "2" },
    });
  }
  log.error({ ...context, err: error }, "route crashed");
  const internal = new AppError("internal:route");
  return Response.json(internal.toBody(locale), { status: 500, headers: { "cache-control": "no-store" } });
}

type RouteOptions = {
  /**
   * Who reads the errors: "person" (default) gets them in the request's language; "machine"
   * (D1's calls, the metrics scraper) keeps the English bodies its client was built against.
   */
  audience?: "person" | "machine";
};

/** Wraps a handler so that every thrown error becomes a coded JSON response. */
export function route<A extends unknown[]>(
  name: string,
  handler: (...args: A) => Promise<Response>,
  { audience = "person" }: RouteOptions = {},
) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const locale = audience === "machine" ? "en" : await requestLocale();
      return toResponse(error, { route: name }, locale);
    }
  };
}
