// The D1 client the app uses: one mTLS connection pool, one token cache, and the two calls.
// `d1()` builds it lazily from the validated env and follows changes of the key and certificate
// files; tests call `createD1Client(config)` directly.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { Agent, Dispatcher } from "undici";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { cancelProduction, type CancelAnswer } from "./cancel";
import type { D1Config } from "./config";
import { createD1Dispatcher } from "./dispatcher";
import type { D1HttpDeps } from "./http";
import { orderInstantCard, type InstantOrderInput, type InstantOrderResult } from "./orders";
import { createD1ConfigSource, type D1ConfigSource } from "./reload";
import { getProductionStatus, type ProductionStatus } from "./status";
import { createTokenClient, type TokenClient } from "./token";

export interface D1Client {
  readonly issuerId: string;
  orderInstantCard(input: InstantOrderInput): Promise<InstantOrderResult>;
  getProductionStatus(cardId: string, options?: { correlationId?: string }): Promise<ProductionStatus | null>;
  /** Asks D1 to stop an order (D1_CANCEL_PATH); never throws for D1's answers, only reports them. */
  cancelProduction(cardId: string): Promise<CancelAnswer>;
  readonly tokens: TokenClient;
  /** Closes the connection pool (only the one the client created itself). */
  close(): Promise<void>;
}

export interface D1ClientOptions {
  /** Defaults to an mTLS agent built from the config. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  /** Defaults to a real timer; tests may record the delays instead. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Clock of the token cache. */
  now?: () => number;
  /** False: the calls count in no D1 metric (the training simulator's client, docs/training.md). */
  recordMetrics?: boolean;
}

const sameTls = (a: D1Config["tls"], b: D1Config["tls"]) => a.cert === b.cert && a.key === b.key && a.ca === b.ca;

/**
 * With a D1ConfigSource the client follows file changes: a new client certificate, key or CA
 * gets a new connection pool (the old one finishes its requests, then closes), a new signing key
 * drops the cached token (in the token client).
 */
export function createD1Client(config: D1Config | D1ConfigSource, options: D1ClientOptions = {}): D1Client {
  const source: D1ConfigSource =
    "current" in config ? config : { current: () => config, reload: () => true, close: () => undefined };
  const logger = options.logger ?? log.child({ part: "d1" });
  let pool: { tls: D1Config["tls"]; agent: Agent } | undefined;
  function dispatcherFor(current: D1Config): Dispatcher {
    if (options.dispatcher) return options.dispatcher;
    if (pool && sameTls(pool.tls, current.tls)) return pool.agent;
    const old = pool?.agent;
    pool = { tls: current.tls, agent: createD1Dispatcher(current) };
    if (old) {
      logger.info({ d1: { event: "tls_reloaded" } }, "D1 client certificate changed; new connections use it");
      old.close().catch(() => undefined);
    }
    return pool.agent;
  }
  if (!options.dispatcher) dispatcherFor(source.current());
  // Getters: every call reads the config (and pool) in force at that moment.
  const tokens = createTokenClient({
    get config() {
      return source.current();
    },
    get dispatcher() {
      return dispatcherFor(source.current());
    },
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.recordMetrics === false ? { recordMetrics: false } : {}),
  });
  const deps: D1HttpDeps = {
    get config() {
      return source.current();
    },
    get dispatcher() {
      return dispatcherFor(source.current());
    },
    tokens,
    logger,
    sleep: options.sleep ?? ((ms) => sleep(ms)),
    random: options.random ?? Math.random,
    ...(options.recordMetrics === false ? { recordMetrics: false } : {}),
  };
  return {
    issuerId: source.current().issuerId,
    tokens,
    orderInstantCard: (input) => orderInstantCard(deps, input),
    getProductionStatus: (cardId, opts) => getProductionStatus(deps, cardId, opts),
    cancelProduction: (cardId) => cancelProduction(deps, cardId),
    close: async () => {
      source.close();
      await pool?.agent.close();
    },
  };
}

// Kept on globalThis so Next.js dev reloads reuse one pool and one token instead of leaking them.
const holder = globalThis as typeof globalThis & { __d1Client?: D1Client };

/** The app's D1 client, created from env on first use. Throws D1ConfigError naming missing settings. */
export function d1(): D1Client {
  holder.__d1Client ??= createD1Client(
    createD1ConfigSource({ settings: env, logger: log.child({ part: "d1" }), sighup: true }),
  );
  return holder.__d1Client;
}
