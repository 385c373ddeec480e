// Serving the registry: the text for /api/metrics (bearer token, METRICS_TOKEN) and for the
// optional internal listener (METRICS_PORT). Without a token the route is not there at all (404),
// so a forgotten setting never leaves the figures open to anyone who can reach the app.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { installCollectors } from "./collect";
import { metrics } from "./registry";

const holder = globalThis as unknown as { __bii_metrics_collectors?: boolean };

/** The Prometheus text exposition of every metric, and its content type. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  if (!holder.__bii_metrics_collectors) {
    installCollectors(metrics.registry);
    holder.__bii_metrics_collectors = true;
  }
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compares in constant time (over digests, so the token's length is not revealed either). */
export function tokenMatches(authorization: string | null, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization ?? "");
  return !!match && timingSafeEqual(digest(match[1]!), digest(token));
}

export type MetricsAnswer = { status: 200 | 401 | 404; body: string; contentType: string };

/** The answer to a scrape with this Authorization header, whoever serves it. */
export async function scrape(authorization: string | null, token = env.METRICS_TOKEN): Promise<MetricsAnswer> {
  if (!token) return { status: 404, body: "Not found\n", contentType: "text/plain; charset=utf-8" };
  if (!tokenMatches(authorization, token)) {
    return {
      status: 401,
      body: "A valid metrics bearer token is required\n",
      contentType: "text/plain; charset=utf-8",
    };
  }
  const { body, contentType } = await metricsText();
  return { status: 200, body, contentType };
}
