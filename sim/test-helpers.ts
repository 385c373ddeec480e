// Shared helpers for the simulator's tests: a throw-away PKI, an mTLS client, real ES256
// assertions and real JWE payloads, and a small notification receiver.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { CompactEncrypt, importPKCS8, importSPKI, SignJWT, type JWTPayload } from "jose";
import { Agent, request } from "undici";
import { createSimLogger } from "./logger";
import { ensureDevPki, type DevPki } from "./pki";
import { startSimulator, type RunningSimulator, type SimulatorConfig } from "./server";
import type { OperationNotification } from "./types";

export const ISSUER = "ISSUER0001";
export const VALID_PAN = "4111111111111111";
export const silentLogger = createSimLogger("silent");

export async function tempPki(issuerId = ISSUER): Promise<{ pki: DevPki; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "d1-sim-pki-"));
  const pki = await ensureDevPki({ dir, issuerId });
  return { pki, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** YYMM `years` from now (negative for the past). */
export function expIn(years: number): string {
  const d = new Date();
  return `${String((d.getUTCFullYear() + years) % 100).padStart(2, "0")}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function startTestSimulator(pki: DevPki, overrides: Partial<SimulatorConfig> = {}): Promise<RunningSimulator> {
  return startSimulator({
    pki,
    port: 0,
    adminPort: 0,
    timings: { readyMs: 15, doneMs: 30, offlineTimeoutMs: 40 },
    logger: silentLogger,
    ...overrides,
  });
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** An HTTP client presenting the issuer's mTLS certificate (or none, or another one). */
export function d1Client(pki: DevPki, cert: { certPath: string; keyPath: string } | null = pki.issuerClient) {
  const agent = new Agent({
    connect: {
      ca: readFileSync(pki.ca.certPath),
      ...(cert ? { cert: readFileSync(cert.certPath), key: readFileSync(cert.keyPath) } : {}),
    },
  });
  async function call(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
  ): Promise<Reply> {
    const res = await request(url, {
      method: method as "GET",
      headers: init.headers ?? {},
      body: init.body ?? null,
      dispatcher: agent,
      signal: AbortSignal.timeout(init.timeoutMs ?? 5000),
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, json: text ? (JSON.parse(text) as unknown) : undefined };
  }
  return { agent, call, close: () => agent.close() };
}

export async function assertion(
  pki: DevPki,
  claims: JWTPayload = {},
  opts: { kid?: string; keyPem?: string } = {},
): Promise<string> {
  const key = await importPKCS8(opts.keyPem ?? readFileSync(pki.issuerSigning.privateKeyPath, "utf8"), "ES256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: ISSUER,
    sub: ISSUER,
    iat: now,
    exp: now + 300,
    aud: "https://api.d1.thalescloud.io",
    ...claims,
  })
    .setProtectedHeader({ alg: "ES256", kid: opts.kid ?? pki.issuerSigning.kid, typ: "JWT" })
    .sign(key);
}

export function tokenForm(assertionJwt: string): string {
  return new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
    assertion: assertionJwt,
  }).toString();
}

export async function getToken(
  sim: RunningSimulator,
  client: ReturnType<typeof d1Client>,
  pki: DevPki,
): Promise<string> {
  const reply = await client.call("POST", sim.tokenUrl, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: tokenForm(await assertion(pki)),
  });
  if (reply.status !== 200) throw new Error(`token failed: ${JSON.stringify(reply.json)}`);
  return (reply.json as { access_token: string }).access_token;
}

export async function encryptCard(pki: DevPki, data: unknown, kid = pki.simEncryption.kid): Promise<string> {
  const key = await importSPKI(readFileSync(pki.simEncryption.publicKeyPath, "utf8"), "ECDH-ES");
  const plaintext = typeof data === "string" ? data : JSON.stringify(data);
  return new CompactEncrypt(new TextEncoder().encode(plaintext))
    .setProtectedHeader({ alg: "ECDH-ES", enc: "A256GCM", kid })
    .encrypt(key);
}

export const card = (over: Record<string, unknown> = {}) => ({
  pan: VALID_PAN,
  exp: expIn(3),
  name: "JANE DOE",
  ...over,
});

export async function orderBody(pki: DevPki, over: Record<string, unknown> = {}, cardData: unknown = card()) {
  return {
    distributionChannel: "INSTANT",
    persoStation: "BR001-PS-01",
    cardProductId: "DEBIT_CLASSIC",
    issuerRequestId: "req-0001",
    services: { issuance: "CREATION" },
    paymentApplication: { config: "VISA_DEBIT_A", odaKeyIndex: "1", derivationKeyIndex: "1" },
    encryptedData: await encryptCard(pki, cardData),
    ...over,
  };
}

export const orderUrl = (sim: RunningSimulator, cardId: string, issuerId = ISSUER) =>
  `${sim.bankingUrl}/issuers/${issuerId}/physicalCards/${cardId}/operations:production`;
export const statusUrl = (sim: RunningSimulator, cardId: string, issuerId = ISSUER) =>
  `${sim.bankingUrl}/issuers/${issuerId}/physicalCards/${cardId}/productionStatus`;

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface ReceivedCall {
  path: string;
  headers: IncomingMessage["headers"];
  body: { operations: OperationNotification[] };
  at: number;
}

/** A plain-HTTP issuer stand-in that records every notification and answers via `respond`. */
export async function startReceiver(respond: (call: ReceivedCall, index: number) => number | "hang" = () => 204) {
  const calls: ReceivedCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const call: ReceivedCall = {
        path: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedCall["body"],
        at: Date.now(),
      };
      calls.push(call);
      const status = respond(call, calls.length - 1);
      if (status === "hang") return;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    operations: () => calls.flatMap((c) => c.body.operations),
    statusesFor: (cardId: string) =>
      calls
        .flatMap((c) => c.body.operations)
        .filter((o) => o.cardId === cardId)
        .map((o) => o.details.status),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
