export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers. Public, so it names no version (that would tell a visitor which
 * known flaws to try); the version is in the start-up log line.
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
