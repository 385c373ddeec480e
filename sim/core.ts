// Wires the simulator's parts together (tokens, JWE keys, orders, stations, agent, notifier,
// faults) behind one object that both the D1 server and the control server use.
import { readFileSync } from "node:fs";
import { Agent } from "./agent";
import { CardDecryptor, type DecryptionKey } from "./card-data";
import { OrderFaults, type RepeatedOrderMode } from "./faults";
import { DEFAULT_MAX_BODY_BYTES } from "./http-util";
import type { Logger } from "./logger";
import { Notifier } from "./notifier";
import { OrderBook } from "./orders";
import type { DevPki } from "./pki";
import { DEFAULT_STATIONS, DEFAULT_TIMINGS, StationRegistry } from "./stations";
import { Timers } from "./timers";
import { TokenService, type RegisteredKey } from "./token-service";
import type { OperationNotification, StationConfig, StationTimings } from "./types";

export interface NotifySettings {
  /** Issuer base URL, e.g. http://127.0.0.1:3000 or https://…; unset = notifications only logged. */
  baseUrl?: string;
  /** Issuer E6 token URL; with clientId and clientSecret turns on bearer tokens for E5. */
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  /** Default 1 (D1 §10.4 simulator decision). */
  maxOperationsPerNotification?: number;
  /** Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each time. Default 1000 ms. */
  baseDelayMs?: number;
  /** Per-call timeout. Default 10000 ms. */
  timeoutMs?: number;
  /** CA that the issuer's HTTPS certificate chains to; default the dev CA. */
  caPem?: string;
  /** Delivers notifications in-process instead of POSTing them (the app's training mode). */
  deliver?: (operations: OperationNotification[]) => Promise<void>;
}

export interface SimulatorConfig {
  pki: DevPki;
  /** Defaults to pki.issuerId. */
  issuerId?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** D1 HTTPS port; default 8443, 0 = any free port. */
  port?: number;
  /** Control API port on 127.0.0.1; default 8444, 0 = any free port, false = none. */
  adminPort?: number | false;
  /** Default: BR001-PS-01..03 and BR002-PS-01..02. */
  stations?: StationConfig[];
  /** Default timings for every station (a station's own timings win). */
  timings?: Partial<StationTimings>;
  notify?: NotifySettings;
  /** More ES256 public keys accepted for E1 besides the dev PKI one (key rotation). */
  issuerSigningKeys?: RegisteredKey[];
  /** More P-256 private keys `encryptedData` may be encrypted to besides the dev PKI one (key rotation). */
  encryptionKeys?: DecryptionKey[];
  /** Default 64 KiB. */
  maxBodyBytes?: number;
  /** Answer to a second order for a held cardId (D1's is unpublished, §13); default "original". */
  repeatedOrders?: RepeatedOrderMode;
  logger?: Logger;
}

export interface SimulatorCore {
  issuerId: string;
  maxBodyBytes: number;
  log: Logger;
  timers: Timers;
  tokens: TokenService;
  decryptor: CardDecryptor;
  orders: OrderBook;
  stations: StationRegistry;
  agent: Agent;
  notifier: Notifier;
  orderFaults: OrderFaults;
  /** Changed through the control API; reset() restores the configured mode. */
  repeatedOrders: { mode: RepeatedOrderMode };
  reset(): void;
}

export function createCore(config: SimulatorConfig, log: Logger): SimulatorCore {
  const { pki } = config;
  const issuerId = config.issuerId ?? pki.issuerId;
  const read = (file: string) => readFileSync(file, "utf8");
  const timers = new Timers();
  const notify = config.notify ?? {};
  const token =
    notify.tokenUrl && notify.clientId && notify.clientSecret
      ? {
          tokenUrl: notify.tokenUrl,
          clientId: notify.clientId,
          clientSecret: notify.clientSecret,
          ...(notify.scope ? { scope: notify.scope } : {}),
        }
      : undefined;
  const notifier = new Notifier(
    {
      issuerId,
      ...(notify.baseUrl ? { baseUrl: notify.baseUrl } : {}),
      ...(token ? { token } : {}),
      ...(notify.deliver ? { deliver: notify.deliver } : {}),
      tls: {
        certPem: read(pki.simClient.certPath),
        keyPem: read(pki.simClient.keyPath),
        caPem: notify.caPem ?? read(pki.ca.certPath),
      },
      maxOperationsPerNotification: notify.maxOperationsPerNotification ?? 1,
      maxAttempts: notify.maxAttempts ?? 5,
      baseDelayMs: notify.baseDelayMs ?? 1000,
      timeoutMs: notify.timeoutMs ?? 10_000,
    },
    timers,
    log.child({ part: "notifier" }),
  );
  const orders = new OrderBook((op) => notifier.enqueue(op));
  const stations = new StationRegistry(config.stations ?? DEFAULT_STATIONS, { ...DEFAULT_TIMINGS, ...config.timings });
  const agent = new Agent(stations, orders, timers, log.child({ part: "agent" }));
  const orderFaults = new OrderFaults();
  const repeatedOrders = { mode: config.repeatedOrders ?? "original" };
  const tokens = new TokenService(issuerId, [
    { kid: pki.issuerSigning.kid, publicKeyPem: read(pki.issuerSigning.publicKeyPath) },
    ...(config.issuerSigningKeys ?? []),
  ]);
  const decryptor = new CardDecryptor([
    { kid: pki.simEncryption.kid, privateKeyPem: read(pki.simEncryption.privateKeyPath) },
    ...(config.encryptionKeys ?? []),
  ]);
  return {
    issuerId,
    maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    log,
    timers,
    tokens,
    decryptor,
    orders,
    stations,
    agent,
    notifier,
    orderFaults,
    repeatedOrders,
    reset() {
      timers.clearAll();
      stations.reset();
      orders.reset();
      notifier.reset();
      orderFaults.clear();
      repeatedOrders.mode = config.repeatedOrders ?? "original";
    },
  };
}
