// Test support only (imported by *.test.ts, never by the app): the real D1 simulator on a
// throw-away PKI, a D1 config pointing at it, a log capture and a request recorder.
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import type { Dispatcher } from "undici";
import { redactPaths } from "@/lib/log";
import { createSimLogger } from "@/sim/logger";
import { ensureDevPki, type DevPki } from "@/sim/pki";
import { startSimulator, type RunningSimulator, type SimulatorConfig } from "@/sim/server";
import { expiryYymm } from "@/lib/card-system/simulated";
import type { D1Config } from "@/lib/d1/config";
import type { InstantOrderInput } from "@/lib/d1/orders";

export const TEST_ISSUER = "ISSUER0001";

export interface SimFixture {
  pki: DevPki;
  sim: RunningSimulator;
  /** A config for this simulator: tiny backoff so retries take milliseconds. */
  config(overrides?: Partial<D1Config>): D1Config;
  /** Calls the simulator's control API. */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Stops the simulator and starts a new one on the same port (new token secret, empty state). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function tempPki(issuerId = TEST_ISSUER): Promise<{ pki: DevPki; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "d1-client-pki-"));
  return { pki: await ensureDevPki({ dir, issuerId }), dir };
}

export function configFor(pki: DevPki, sim: RunningSimulator, overrides: Partial<D1Config> = {}): D1Config {
  const read = (file: string) => readFileSync(file, "utf8");
  return {
    issuerId: pki.issuerId,
    bankingUrl: sim.bankingUrl,
    authzUrl: `${sim.url}/authz/v1`,
    tls: { cert: read(pki.issuerClient.certPath), key: read(pki.issuerClient.keyPath), ca: read(pki.ca.certPath) },
    signing: { privateKeyPem: read(pki.issuerSigning.privateKeyPath), kid: pki.issuerSigning.kid },
    encryption: { publicKeyPem: read(pki.simEncryption.publicKeyPath), kid: pki.simEncryption.kid },
    audience: "https://api.d1.thalescloud.io",
    timeoutMs: 2_000,
    maxAttempts: 3,
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2_000 },
    ...overrides,
  };
}

export async function startSimFixture(overrides: Partial<SimulatorConfig> = {}): Promise<SimFixture> {
  const { pki, dir } = await tempPki();
  const simConfig: SimulatorConfig = {
    pki,
    port: 0,
    adminPort: 0,
    timings: { readyMs: 5, doneMs: 10, offlineTimeoutMs: 20 },
    logger: createSimLogger("silent"),
    ...overrides,
  };
  let sim = await startSimulator(simConfig);
  const fixture: SimFixture = {
    pki,
    get sim() {
      return sim;
    },
    config: (o) => configFor(pki, sim, o),
    async admin<T>(method: string, p: string, body?: unknown): Promise<T> {
      const res = await fetch(`${sim.adminUrl ?? ""}${p}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`control API ${method} ${p}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async restart() {
      const port = sim.port;
      await sim.stop();
      sim = await startSimulator({ ...simConfig, port });
    },
    async stop() {
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** A pino logger with the app's redaction that keeps every line for assertions. */
export function captureLogger(): { logger: Logger; text: () => string; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: "debug", redact: { paths: redactPaths, censor: "[redacted]" } }, stream);
  return { logger, lines, text: () => lines.join("") };
}

/** Wraps a dispatcher and records the method and path of every request that goes through it. */
export function recordRequests(dispatcher: Dispatcher): {
  dispatcher: Dispatcher;
  requests: { method: string; path: string }[];
} {
  const requests: { method: string; path: string }[] = [];
  const recorder: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    requests.push({ method: opts.method, path: opts.path });
    return dispatch(opts, handler);
  };
  return { dispatcher: dispatcher.compose(recorder), requests };
}

export function waitFor(probe: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (probe()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 5);
    };
    tick();
  });
}

export const TEST_PAN = "4111111111111111";

/** A valid INSTANT order for the simulator's default station and product. */
export function orderInput(cardId: string, over: Partial<InstantOrderInput> = {}): InstantOrderInput {
  return {
    cardId,
    issuerRequestId: `req-${cardId}`,
    persoStation: "BR001-PS-01",
    cardProductId: "DEBIT_CLASSIC",
    services: { issuance: "CREATION" },
    paymentApplication: { config: "VISA_DEBIT_A", odaKeyIndex: "1", derivationKeyIndex: "1" },
    cardData: { pan: TEST_PAN, exp: expiryYymm(new Date(), 36), name: "JANE DOE" },
    ...over,
  };
}

export interface SimCounters {
  ordersReceived: number;
  ordersAccepted: Record<string, number>;
  productionsStarted: Record<string, number>;
  operationsCreated: number;
}

export interface SimOrder {
  cardId: string;
  operationId: string;
  latest: { status: string; details: { status: string } };
}
