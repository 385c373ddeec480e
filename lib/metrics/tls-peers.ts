// The expiry of each TLS server certificate this process connects to (D1, its token endpoint,
// the card system), learnt from undici's `undici:client:connected` diagnostics channel: no extra
// connection and no change to the clients. The host is configuration, never customer data.
import diagnostics from "node:diagnostics_channel";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";

type Connected = { connectParams?: { hostname?: string; protocol?: string }; socket?: Socket };

const holder = globalThis as unknown as { __bii_tls_peers?: Map<string, number> };

function onConnected(message: unknown): void {
  const { connectParams, socket } = message as Connected;
  if (connectParams?.protocol !== "https:" || !socket || !("getPeerCertificate" in socket)) return;
  const validTo = (socket as TLSSocket).getPeerCertificate()?.valid_to;
  const notAfter = validTo ? Date.parse(validTo) / 1000 : NaN;
  if (connectParams.hostname && Number.isFinite(notAfter)) peers().set(connectParams.hostname, notAfter);
}

function peers(): Map<string, number> {
  if (!holder.__bii_tls_peers) {
    holder.__bii_tls_peers = new Map();
    diagnostics.subscribe("undici:client:connected", onConnected);
  }
  return holder.__bii_tls_peers;
}

/** Starts listening (idempotent); call once at start-up so the first connections are seen. */
export function watchTlsPeers(): void {
  peers();
}

/** host → the server certificate's notAfter in Unix seconds, for every TLS server seen so far. */
export function serverCertificates(): ReadonlyMap<string, number> {
  return peers();
}
