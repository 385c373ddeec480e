// Starts the simulator: the D1 API over HTTPS with mutual TLS (a client certificate signed by
// the dev CA is required, D1 §5.1) and the loopback-only control server.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { startAdminServer } from "./admin";
import { createCore, type SimulatorConfig, type SimulatorCore } from "./core";
import { createD1Handler } from "./d1-routes";
import { createSimLogger } from "./logger";

export type { SimulatorConfig } from "./core";

export interface RunningSimulator {
  /** Base URL of the D1 API, e.g. https://127.0.0.1:8443 */
  url: string;
  /** E1 token endpoint: `${url}/authz/v1/oauth2/token` */
  tokenUrl: string;
  /** Banking API base: `${url}/banking/v1` */
  bankingUrl: string;
  /** Control API base (http://127.0.0.1:port), or undefined when disabled. */
  adminUrl: string | undefined;
  port: number;
  adminPort: number | undefined;
  issuerId: string;
  /** `kid` the issuer must put in its E1 assertions. */
  signingKid: string;
  /** `kid` the issuer must put in the JWE header of `encryptedData`. */
  encryptionKid: string;
  /** SHA-256 fingerprints of the client certificates of accepted TLS connections, oldest first. */
  clientCertificates(): string[];
  /** In-process access to state (tests); the control API exposes the same things over HTTP. */
  core: SimulatorCore;
  stop(): Promise<void>;
}

function listen(server: Server | HttpsServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server | HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Hung requests (fault "hang") and keep-alive sockets would otherwise hold close() open.
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startSimulator(config: SimulatorConfig): Promise<RunningSimulator> {
  const log = config.logger ?? createSimLogger("info");
  const core = createCore(config, log);
  const { pki } = config;
  const host = config.host ?? "127.0.0.1";

  const server = createServer(
    {
      key: readFileSync(pki.simServer.keyPath),
      cert: readFileSync(pki.simServer.certPath),
      ca: readFileSync(pki.ca.certPath),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: "TLSv1.2",
    },
    createD1Handler(core),
  );
  server.headersTimeout = 15_000;
  server.on("tlsClientError", (err) => log.debug({ reason: err.message }, "TLS handshake refused"));
  // Lets tests and the log show which issuer certificate is in use (certificate renewal).
  const clientCertificates: string[] = [];
  server.on("secureConnection", (socket: TLSSocket) => {
    const fingerprint = socket.getPeerCertificate().fingerprint256;
    if (!fingerprint) return;
    clientCertificates.push(fingerprint);
    if (clientCertificates.length > 1000) clientCertificates.shift();
    log.debug({ clientCertificate: fingerprint }, "TLS connection accepted");
  });
  const port = await listen(server, config.port ?? 8443, host);

  let admin: Server | undefined;
  let adminPort: number | undefined;
  if (config.adminPort !== false) {
    try {
      admin = startAdminServer(core);
      adminPort = await listen(admin, config.adminPort ?? 8444, "127.0.0.1");
    } catch (err) {
      await close(server);
      throw err;
    }
  }

  const url = `https://${urlHost(host)}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    tokenUrl: `${url}/authz/v1/oauth2/token`,
    bankingUrl: `${url}/banking/v1`,
    adminUrl: adminPort === undefined ? undefined : `http://127.0.0.1:${adminPort}`,
    port,
    adminPort,
    issuerId: core.issuerId,
    signingKid: pki.issuerSigning.kid,
    encryptionKid: pki.simEncryption.kid,
    core,
    clientCertificates: () => [...clientCertificates],
    stop() {
      stopped ??= (async () => {
        core.timers.stop();
        await Promise.all([close(server), admin ? close(admin) : Promise.resolve()]);
        await core.notifier.close();
      })();
      return stopped;
    },
  };
}
