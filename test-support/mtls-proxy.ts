// Test support only: a tiny stand-in for the bank's reverse proxy in front of D1's routes, doing
// what the nginx and HAProxy blocks in docs/d1-and-simulator.md do: require a client
// certificate from the dev CA, strip the verification headers a caller sent, set them from the
// TLS session (subject in RFC 2253 order, like nginx's $ssl_client_s_dn), add the proxy secret,
// append the peer to X-Forwarded-For, and pass the request on over plain HTTP.
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { TRUSTED_PROXY_SECRET_HEADER } from "@/lib/notifications/auth-mode";
import type { DevPki } from "@/sim/pki";

export type MtlsProxy = { url: string; close(): Promise<void> };

type Options = {
  pki: DevPki;
  /** The app's plain-HTTP base URL. */
  target: string;
  secret?: string;
  verifyHeader?: string;
  subjectHeader?: string;
};

/** Node lists the subject most significant first, one attribute a line; RFC 2253 reverses it. */
export const rfc2253 = (subject: string) => subject.split("\n").reverse().join(",");

export async function startMtlsProxy(options: Options): Promise<MtlsProxy> {
  const verifyHeader = options.verifyHeader ?? "x-ssl-client-verify";
  const subjectHeader = options.subjectHeader ?? "x-ssl-client-subject";
  const server = createServer(
    {
      key: readFileSync(options.pki.simServer.keyPath),
      cert: readFileSync(options.pki.simServer.certPath),
      ca: readFileSync(options.pki.ca.certPath),
      requestCert: true,
      rejectUnauthorized: true, // nginx: ssl_verify_client on
    },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const headers = { ...req.headers };
      delete headers[verifyHeader];
      delete headers[subjectHeader];
      delete headers[TRUSTED_PROXY_SECRET_HEADER];
      headers[verifyHeader] = socket.authorized ? "SUCCESS" : "FAILED";
      headers[subjectHeader] = rfc2253(socket.getPeerX509Certificate()?.subject ?? "");
      if (options.secret) headers[TRUSTED_PROXY_SECRET_HEADER] = options.secret;
      const prior = req.headers["x-forwarded-for"];
      headers["x-forwarded-for"] = prior ? `${String(prior)}, ${socket.remoteAddress}` : socket.remoteAddress;
      const upstream = httpRequest(`${options.target}${req.url ?? "/"}`, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    },
  );
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
