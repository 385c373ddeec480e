// Low-level probes of the D1 pre-flight check (preflight.ts): read a certificate, shake hands
// with a TLS server, POST without credentials. Each returns facts or throws an Error whose
// `code` says what went wrong; preflight.ts turns that into a sentence for the operator.
import "server-only";
import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { connect, type PeerCertificate } from "node:tls";
import { request } from "undici";

export interface CertificateFacts {
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

export function certificateFacts(cert: X509Certificate): CertificateFacts {
  return {
    subject: cert.subject.replace(/\n/g, ", "),
    issuer: cert.issuer.replace(/\n/g, ", "),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
}

/** The server ended the connection after the handshake without answering our request. */
export const CLOSED_AFTER_HANDSHAKE = "CLOSED_AFTER_HANDSHAKE";

export interface HandshakeFacts {
  protocol: string;
  /** D1's server certificate as it was presented. */
  server: { subject: string; notAfter: string };
  /** First line of D1's HTTP answer: proves D1 accepted our client certificate too. */
  statusLine: string;
}

/** An Error with the machine code (e.g. ECONNREFUSED, ERR_SSL_TLSV13_ALERT_UNKNOWN_CA). */
export function errorCode(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) return "timeout";
  return err instanceof Error ? err.message : "unknown";
}

function peerSubject(peer: PeerCertificate): string {
  const subject = peer.subject as unknown as Record<string, string | string[]> | undefined;
  if (!subject) return "(none)";
  return Object.entries(subject)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : v}`)
    .join(", ");
}

/**
 * Connects to the URL's host with our client certificate, verifying the server against `ca`
 * (or the system roots), and sends one HEAD request. With TLS 1.3 the server judges our
 * certificate only after the handshake, so success is the first byte of an HTTP answer.
 */
export function tlsHandshake(
  url: string,
  tls: { cert: string; key: string; ca?: string },
  timeoutMs: number,
): Promise<HandshakeFacts> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve, reject) => {
    let facts: Omit<HandshakeFacts, "statusLine"> | undefined;
    const socket = connect({
      host,
      port: Number(target.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      cert: tls.cert,
      key: tls.key,
      ...(tls.ca ? { ca: tls.ca } : {}),
      minVersion: "TLSv1.2",
      rejectUnauthorized: true,
      ALPNProtocols: ["http/1.1"],
    });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error("timeout"), { code: "timeout" })), timeoutMs);
    const done = (fn: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      fn();
    };
    socket.once("secureConnect", () => {
      const peer = socket.getPeerCertificate();
      facts = {
        protocol: socket.getProtocol() ?? "unknown",
        server: { subject: peerSubject(peer), notAfter: peer.valid_to ?? "" },
      };
      socket.write(`HEAD ${target.pathname || "/"} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: close\r\n\r\n`);
    });
    socket.once("data", (chunk: Buffer) => {
      const statusLine = chunk.toString("latin1").split("\r\n")[0] ?? "";
      done(() => resolve({ ...facts!, statusLine }));
    });
    // With TLS 1.3 a server that refuses our certificate often just resets after the handshake.
    const refused = () => Object.assign(new Error("closed after the handshake"), { code: CLOSED_AFTER_HANDSHAKE });
    socket.once("error", (err: Error) =>
      done(() => reject(facts && /ECONNRESET|EPIPE/.test(errorCode(err)) ? refused() : err)),
    );
    socket.once("close", () =>
      done(() => reject(facts ? refused() : Object.assign(new Error("closed"), { code: "ECONNRESET" }))),
    );
  });
}

/** POSTs an empty notification with no credentials at all; returns the HTTP status. */
export async function unauthenticatedPost(url: string, timeoutMs: number): Promise<number> {
  const res = await request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operations: [] }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body.dump();
  return res.statusCode;
}
