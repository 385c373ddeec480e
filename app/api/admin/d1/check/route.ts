import { requireRole } from "@/lib/auth/session";
import { runPreflight } from "@/lib/d1/preflight";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * The D1 pre-flight check as JSON, for monitoring and for the admin page's "Run the check".
 * Always 200 when the check ran: `ok` and each step's status say how it went. Orders no card.
 */
export const GET = route("admin.d1.check", async () => {
  const user = await requireRole(["admin"], { surface: "route" });
  const report = await runPreflight({ settings: env, logger: log.child({ part: "d1-check" }) });
  const failed = report.steps.filter((s) => s.status === "fail").map((s) => s.id);
  log.info({ route: "admin.d1.check", actorId: user.id, ok: report.ok, failed }, "D1 pre-flight check");
  return Response.json(report, { headers: { "cache-control": "no-store" } });
});
