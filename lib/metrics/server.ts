// The optional internal metrics listener (METRICS_PORT on METRICS_HOST, 127.0.0.1 unless set):
// for a Prometheus that scrapes each instance on a private address instead of through the
// public one. It serves the same registry at /metrics (and /api/metrics) and, when METRICS_TOKEN is
// set, asks for the same token; without one the address alone guards it.
import "server-only";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "@/lib/log";
import { metricsText, tokenMatches } from "./expose";

export async function startMetricsServer(options: {
  port: number;
  host: string;
  token?: string | undefined;
}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method !== "GET" || (path !== "/metrics" && path !== "/api/metrics")) {
        res.writeHead(404).end();
        return;
      }
      if (options.token && !tokenMatches(req.headers.authorization ?? null, options.token)) {
        res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
        return;
      }
      try {
        const { body, contentType } = await metricsText();
        res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body);
      } catch (err) {
        log.error({ err }, "metrics listener: scrape failed");
        res.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  log.info({ url }, "metrics listener started");
  return { server, url };
}
