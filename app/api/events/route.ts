import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { pollBranchEvents } from "@/lib/events/poll";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Polling fallback for clients whose event stream cannot open: events after `after`. */
export const GET = route("events.poll", async (request: Request) => {
  const user = await requireRole(["teller", "manager"], { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  const after = new URL(request.url).searchParams.get("after") ?? "0";
  if (!/^\d{1,15}$/.test(after)) throw new AppError("bad_request:route", { message: msg("Errors.afterNotNumber") });
  const events = await pollBranchEvents(user.branchId, Number(after));
  return Response.json({ events }, { headers: { "cache-control": "no-store" } });
});
