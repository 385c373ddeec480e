// The connection pool for every D1 call: mutual TLS with the issuer's client certificate
// (D1 §5.1), bounded timeouts, and keep-alive so the TLS handshake is paid once, not per call.
import "server-only";
import { Agent } from "undici";
import type { D1Config } from "./config";

export function createD1Dispatcher(config: Pick<D1Config, "tls" | "timeoutMs">): Agent {
  const { cert, key, ca } = config.tls;
  return new Agent({
    connect: {
      cert,
      key,
      // Production D1 chains to a public CA (§5.1): without a CA file the system roots apply.
      ...(ca ? { ca } : {}),
      minVersion: "TLSv1.2",
      rejectUnauthorized: true,
      timeout: config.timeoutMs,
    },
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: 16,
  });
}
