import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Public, no data. */
export function GET() {
  return Response.json({ status: "ok", version: env.APP_VERSION }, { headers: { "cache-control": "no-store" } });
}
