import { openBranchEventStream } from "@/lib/events/sse";
import { requireRole, sessionClaims } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Live job events of the caller's own branch (SSE). Resumes after Last-Event-ID. Ends when the
 * caller's session does (sign-out, deactivation, a new role or branch, a password reset), and
 * when this instance shuts down (the browser reconnects to another one).
 */
export const GET = route("events.stream", async (request: Request) => {
  const user = await requireRole(["teller", "manager"], { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const url = new URL(request.url);
  const raw = request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  const lastEventId = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  if (raw !== null && lastEventId === null) {
    throw new AppError("bad_request:route", { message: msg("Errors.lastEventIdNotNumber") });
  }
  // The stream re-checks these claims while it is open, long after this request's checks.
  // Opened only once its first database reads have worked: while the database is away this
  // throws, and route() answers 503 with Retry-After like every other route.
  return openBranchEventStream(user.branchId, lastEventId, request.signal, await sessionClaims());
});
