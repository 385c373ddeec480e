// A stub of the bank's card system implementing docs/card-system.openapi.yaml, for tests and
// demos: HTTPS with mutual TLS on the simulator's dev PKI, and a loopback control API for faults.
// Its PANs are derived from the cardId exactly like lib/card-system/simulated.ts (same key), so
// the e2e PAN scan finds them. Fake data only: it keeps cards in memory, which a real system's
// vault does and our product never does.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { cardSystemFaultSchema, CardSystemFaults } from "./card-system-faults";
import { HttpError, parseJson, readBody, sendError, sendJson } from "./http-util";
import type { Logger } from "./logger";
import type { DevPki } from "./pki";

/** The key lib/card-system/simulated.ts derives PANs with by default. */
export const SIMULATED_PAN_SEED = "branch-instant-issuance/simulated-card-data";

const productSchema = z
  .object({
    bin: z.string().regex(/^\d{1,11}$/),
    panLength: z.number().int().min(13).max(19),
    expiryMonths: z.number().int().min(1).max(120),
  })
  .strict()
  .refine((p) => p.bin.length <= p.panLength - 2, "bin too long for panLength");
const allocateSchema = z
  .object({
    product: productSchema,
    accountNumber: z
      .string()
      .regex(/^[A-Za-z0-9]{1,34}$/)
      .optional(),
  })
  .strict();
const blockSchema = z.object({ reason: z.enum(["lost", "stolen", "damaged", "replaced"]) }).strict();

type Card = {
  pan: string;
  exp: string;
  panSequenceNumber: string;
  state: "issued" | "active" | "blocked";
  /** The account a debit card is linked to (the allocation's accountNumber). */
  accountNumber?: string;
  /** Why the card was blocked. */
  blockReason?: string;
  /** When the card was first allocated and when it was blocked (ISO), so a test can tell the order. */
  allocatedAt: string;
  blockedAt?: string;
};

type CardView = Pick<Card, "state" | "accountNumber" | "blockReason" | "allocatedAt" | "blockedAt">;
const view = (card: Card): CardView => ({
  state: card.state,
  accountNumber: card.accountNumber,
  blockReason: card.blockReason,
  allocatedAt: card.allocatedAt,
  blockedAt: card.blockedAt,
});

export interface CardSystemStubOptions {
  pki: DevPki;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  controlPort?: number;
  logger?: Logger;
  now?: () => Date;
}

export interface RunningCardSystemStub {
  /** Base URL of the contract, e.g. https://127.0.0.1:8445/card-system/v1 */
  url: string;
  controlUrl: string;
  faults: CardSystemFaults;
  counters: { allocations: Record<string, number>; activations: number; blocks: number };
  state(cardId: string): Card["state"] | undefined;
  /** What the stub knows of a card besides its data: state, linked account, block reason. */
  card(cardId: string): CardView | undefined;
  stop(): Promise<void>;
}

function luhnDigit(partial: string): number {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = partial.charCodeAt(partial.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Same derivation as SimulatedCardSystem: HMAC-SHA-256 blocks, bytes ≥ 250 skipped. */
export function stubPan(cardId: string, bin: string, panLength: number, seed = SIMULATED_PAN_SEED): string {
  let digits = "";
  const count = panLength - bin.length - 1;
  for (let block = 0; digits.length < count; block++) {
    const bytes = createHmac("sha256", seed).update(`${cardId}:${block}`).digest();
    for (const b of bytes) if (b < 250 && digits.length < count) digits += String(b % 10);
  }
  const body = bin + digits;
  return body + String(luhnDigit(body));
}

function expiry(now: Date, months: number): string {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() + months;
  return `${String(Math.floor(total / 12) % 100).padStart(2, "0")}${String((total % 12) + 1).padStart(2, "0")}`;
}

async function jsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const raw = await readBody(req);
  const result = schema.safeParse(raw.length === 0 ? {} : parseJson(raw));
  if (!result.success)
    throw new HttpError(400, "FIELD_INVALID_VALUE", result.error.issues[0]?.path.join(".") ?? "body");
  return result.data;
}

function listen(server: Server | HttpsServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server | HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startCardSystemStub(options: CardSystemStubOptions): Promise<RunningCardSystemStub> {
  const { pki, logger } = options;
  const now = options.now ?? (() => new Date());
  const host = options.host ?? "127.0.0.1";
  const faults = new CardSystemFaults();
  const cards = new Map<string, Card>();
  const counters = { allocations: {} as Record<string, number>, activations: 0, blocks: 0 };
  let lastPan: { cardId: string; pan: string } | undefined;

  async function allocate(cardId: string, req: IncomingMessage) {
    const { product, accountNumber } = await jsonBody(req, allocateSchema);
    counters.allocations[cardId] = (counters.allocations[cardId] ?? 0) + 1;
    let card = cards.get(cardId);
    if (!card) {
      card = {
        pan: stubPan(cardId, product.bin, product.panLength),
        exp: expiry(now(), product.expiryMonths),
        panSequenceNumber: "00",
        state: "issued",
        allocatedAt: now().toISOString(),
        ...(accountNumber ? { accountNumber } : {}),
      };
      cards.set(cardId, card);
    }
    let pan = card.pan;
    if (faults.take("badLuhn")) pan = pan.slice(0, -1) + String((Number(pan.slice(-1)) + 1) % 10);
    if (lastPan && lastPan.cardId !== cardId && faults.take("duplicatePan")) pan = lastPan.pan;
    else lastPan = { cardId, pan: card.pan };
    return { pan, exp: card.exp, panSequenceNumber: card.panSequenceNumber };
  }

  function known(cardId: string): Card {
    const card = cards.get(cardId);
    if (!card) throw new HttpError(404, "CARD_NOT_FOUND", "cardId");
    return card;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "https://stub");
    const slow = faults.take("slow");
    if (slow) await new Promise((r) => setTimeout(r, slow.delayMs));
    if (faults.take("http500")) throw new HttpError(500, "INTERNAL_ERROR", "simulated failure");
    if (req.method === "GET" && url.pathname === "/card-system/v1/health") return sendJson(res, 200, { status: "ok" });
    const match = /^\/card-system\/v1\/cards\/([A-Za-z0-9_-]{1,48})\/(data|activation|block)$/.exec(url.pathname);
    if (!match) throw new HttpError(404, undefined, "not found");
    const [, cardId = "", action] = match;
    if (action === "data" && req.method === "PUT") return sendJson(res, 200, await allocate(cardId, req));
    if (action === "activation" && req.method === "POST") {
      const card = known(cardId);
      if (card.state === "blocked" || faults.take("refuseActivation")) {
        throw new HttpError(409, "CARD_NOT_ACTIVATABLE", "card cannot be activated");
      }
      card.state = "active";
      counters.activations += 1;
      return sendJson(res, 204, undefined);
    }
    if (action === "block" && req.method === "POST") {
      const { reason } = await jsonBody(req, blockSchema);
      const card = known(cardId);
      // Blocking is final: a second block keeps the first reason.
      if (card.state !== "blocked") Object.assign(card, { blockReason: reason, blockedAt: now().toISOString() });
      card.state = "blocked";
      counters.blocks += 1;
      return sendJson(res, 204, undefined);
    }
    throw new HttpError(405, undefined, "method not allowed");
  }

  const server = createServer(
    {
      key: readFileSync(pki.simServer.keyPath),
      cert: readFileSync(pki.simServer.certPath),
      ca: readFileSync(pki.ca.certPath),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: "TLSv1.2",
    },
    (req, res) => {
      route(req, res).catch((err: unknown) => {
        if (err instanceof HttpError) return sendError(res, err);
        logger?.error({ err }, "card system stub failed");
        sendError(res, new HttpError(500, "INTERNAL_ERROR", "stub failure"));
      });
    },
  );

  const control = createHttpServer((req, res) => {
    (async () => {
      // Like the simulator's control API: loopback names only, no browser page (any Origin), and
      // JSON bodies only, so a foreign page cannot set faults.
      const hostName = (req.headers.host ?? "").replace(/:\d+$/, "");
      if (!["127.0.0.1", "localhost", "[::1]"].includes(hostName) || req.headers.origin) {
        throw new HttpError(403, undefined, "forbidden");
      }
      if (req.method === "POST" && !(req.headers["content-type"] ?? "").startsWith("application/json")) {
        throw new HttpError(415, undefined, "send application/json");
      }
      const path = new URL(req.url ?? "/", "http://control").pathname;
      if (path === "/faults" && req.method === "POST") {
        faults.add(await jsonBody(req, cardSystemFaultSchema));
        return sendJson(res, 200, faults.list());
      }
      if (path === "/faults" && req.method === "DELETE") {
        faults.clear();
        return sendJson(res, 204, undefined);
      }
      if (path === "/faults" && req.method === "GET") return sendJson(res, 200, faults.list());
      if (path === "/counters" && req.method === "GET") return sendJson(res, 200, counters);
      // A card's state, linked account and block reason (never its data), for tests and demos.
      const cardPath = /^\/cards\/([A-Za-z0-9_-]{1,48})$/.exec(path);
      if (cardPath && req.method === "GET") {
        const card = cards.get(cardPath[1] ?? "");
        if (!card) throw new HttpError(404, "CARD_NOT_FOUND", "cardId");
        return sendJson(res, 200, view(card));
      }
      throw new HttpError(404, undefined, "not found");
    })().catch((err: unknown) =>
      sendError(res, err instanceof HttpError ? err : new HttpError(500, undefined, "failed")),
    );
  });

  const port = await listen(server, options.port ?? 8445, host);
  const controlPort = await listen(control, options.controlPort ?? 8446, "127.0.0.1");
  const urlHost = host === "0.0.0.0" ? "127.0.0.1" : host;
  logger?.info({ port, controlPort }, "card system stub ready");
  return {
    url: `https://${urlHost}:${port}/card-system/v1`,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    faults,
    counters,
    state: (cardId) => cards.get(cardId)?.state,
    card: (cardId) => {
      const card = cards.get(cardId);
      return card && view(card);
    },
    stop: () => Promise.all([close(server), close(control)]).then(() => undefined),
  };
}
