import { sql } from "drizzle-orm";
import { db } from "@/db";
import { log } from "@/lib/log";
import { isDraining } from "@/lib/shutdown/state";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database answers, 503 while it does not, and 503 from the moment the
 * instance starts shutting down (lib/shutdown), so that a load balancer stops sending to it.
 * Public, no data (no version either, as /api/health).
 */
export async function GET() {
  if (isDraining()) {
    return Response.json({ status: "shutting-down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    const ms = Math.round(performance.now() - started);
    return Response.json(
      { status: "ready", checks: { database: { status: "up", ms } } },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    log.warn({ err: error }, "readiness: database unreachable");
    return Response.json(
      { status: "unavailable", checks: { database: { status: "down" } } },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
