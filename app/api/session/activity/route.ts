import { sameOrigin } from "@/lib/auth/origin";
import { recordReportedActivity, requireUser, sessionStatus, SESSION_POLICY } from "@/lib/auth/session";
import { idleTimeoutApplies } from "@/lib/auth/session-policy";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

/**
 * The teller's idle timer asks here before it signs out: another tab may have been active.
 * Reading does not count as activity. 401 once the server has ended the session.
 */
export const GET = route("session.activity", async () => {
  const user = await requireUser("route");
  const status = await sessionStatus();
  const idleSeconds = status.user ? Math.floor(status.idleSeconds) : 0;
  return Response.json(
    { idleSeconds, idleLimitSeconds: idleTimeoutApplies(user.role) ? SESSION_POLICY.idleMinutes * 60 : null },
    { headers: noStore },
  );
});

/** Key presses and clicks that send no request of their own are reported here, once a minute. */
export const POST = route("session.activity", async (request: Request) => {
  if (!sameOrigin(request.headers)) throw new AppError("forbidden:route");
  await requireUser("route");
  await recordReportedActivity();
  return new Response(null, { status: 204, headers: noStore });
});
