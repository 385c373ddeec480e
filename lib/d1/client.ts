// The D1 client the app uses: one mTLS connection pool, one token cache, and the two calls.
// `d1()` builds it lazily from the validated env; tests call `createD1Client(config)` directly.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import { log } from "@/lib/log";
import { loadD1Config, type D1Config } from "./config";
import { createD1Dispatcher } from "./dispatcher";
import type { D1HttpDeps } from "./http";
import { orderInstantCard, type InstantOrderInput, type InstantOrderResult } from "./orders";
import { getProductionStatus, type ProductionStatus } from "./status";
import { createTokenClient, type TokenClient } from "./token";

export interface D1Client {
  readonly issuerId: string;
  orderInstantCard(input: InstantOrderInput): Promise<InstantOrderResult>;
  getProductionStatus(cardId: string, options?: { correlationId?: string }): Promise<ProductionStatus | null>;
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
}

export function createD1Client(config: D1Config, options: D1ClientOptions = {}): D1Client {
  const ownDispatcher = options.dispatcher ? undefined : createD1Dispatcher(config);
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  const logger = options.logger ?? log.child({ part: "d1" });
  const tokens = createTokenClient({ config, dispatcher, logger, ...(options.now ? { now: options.now } : {}) });
  const deps: D1HttpDeps = {
    config,
    dispatcher,
    tokens,
    logger,
    sleep: options.sleep ?? ((ms) => sleep(ms)),
    random: options.random ?? Math.random,
  };
  return {
    issuerId: config.issuerId,
    tokens,
    orderInstantCard: (input) => orderInstantCard(deps, input),
    getProductionStatus: (cardId, opts) => getProductionStatus(deps, cardId, opts),
    close: async () => {
      await ownDispatcher?.close();
    },
  };
}

// Kept on globalThis so Next.js dev reloads reuse one pool and one token instead of leaking them.
const holder = globalThis as typeof globalThis & { __d1Client?: D1Client };

/** The app's D1 client, created from env on first use. Throws D1ConfigError naming missing settings. */
export function d1(): D1Client {
  holder.__d1Client ??= createD1Client(loadD1Config());
  return holder.__d1Client;
}
