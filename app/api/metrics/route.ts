import { scrape } from "@/lib/metrics/expose";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Prometheus scrape: only with the METRICS_TOKEN bearer token; 404 when no token is set. */
export const GET = route(
  "metrics",
  async (request: Request) => {
    const answer = await scrape(request.headers.get("authorization"));
    return new Response(answer.body, {
      status: answer.status,
      headers: {
        "content-type": answer.contentType,
        "cache-control": "no-store",
        ...(answer.status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {}),
      },
    });
  },
  { audience: "machine" },
);
