// The bank's card system over HTTPS with mutual TLS (contract: docs/card-system.openapi.yaml).
// Every operation of the contract is idempotent (allocation per cardId, activate and block by
// design), so each is retried after a network error, a timeout, a 429 or a 5xx, a bounded number
// of times with full jitter. Answers become coded AppErrors whose messages a teller can act on;
// the card system's own errorCode goes to the log only. The PAN is never logged.
import "server-only";
import { Agent, request, type Dispatcher } from "undici";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { log as rootLog } from "@/lib/log";
import type { BlockReason, CardData, CardDataRequest, CardSystem, CardSystemHealth } from "./card-system";
import { checkCardData, DuplicatePanGuard } from "./validate";

export interface HttpCardSystemConfig {
  /** Base URL, e.g. https://cms.bank.example/card-system/v1 (no trailing slash needed). */
  url: string;
  tls: { cert: string; key: string; ca?: string };
  /** Per attempt: connect, headers and body together. */
  timeoutMs: number;
  /** Attempts per call, the first one included. */
  maxAttempts: number;
  retry?: { baseDelayMs: number; maxDelayMs: number };
}

type Operation = "allocate" | "activate" | "block" | "ping";
type Method = "GET" | "PUT" | "POST";
type Answer = { status: number; json: unknown };

const log = rootLog.child({ component: "card-system" });

export function createCardSystemDispatcher(config: Pick<HttpCardSystemConfig, "tls" | "timeoutMs">): Agent {
  const { cert, key, ca } = config.tls;
  return new Agent({
    connect: { cert, key, ...(ca ? { ca } : {}), minVersion: "TLSv1.2", rejectUnauthorized: true },
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    keepAliveTimeout: 30_000,
    connections: 8,
  });
}

function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return "unknown";
  if (err.name === "TimeoutError" || err.name === "AbortError") return "timeout";
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : err.name;
}

function errorCodeOf(json: unknown): string | undefined {
  const code = (json as { errorCode?: unknown } | undefined)?.errorCode;
  return typeof code === "string" ? code.slice(0, 64) : undefined;
}

export class HttpCardSystem implements CardSystem {
  private readonly base: string;
  private readonly dispatcher: Dispatcher;
  private readonly guard = new DuplicatePanGuard();

  constructor(
    private readonly config: HttpCardSystemConfig,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly random: () => number = Math.random,
  ) {
    this.base = config.url.replace(/\/+$/, "");
    this.dispatcher = createCardSystemDispatcher(config);
  }

  async allocate(req: CardDataRequest): Promise<CardData> {
    const answer = await this.call("allocate", "PUT", `/cards/${encodeURIComponent(req.cardId)}/data`, req.cardId, {
      product: req.product,
      ...(req.accountNumber ? { accountNumber: req.accountNumber } : {}),
    });
    if (answer.status !== 200) throw this.refusal("allocate", req.cardId, answer);
    const body = (answer.json ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    const card: CardData = {
      pan: text(body.pan) ?? "",
      exp: text(body.exp) ?? "",
      name: req.nameOnCard.trim(),
      panSequenceNumber: text(body.panSequenceNumber) ?? "00",
      ...(body.cvv2 === undefined ? {} : { cvv2: text(body.cvv2) ?? "" }),
    };
    checkCardData(req, card);
    this.guard.check(req.cardId, card.pan);
    return card;
  }

  async activate({ cardId }: { cardId: string }): Promise<void> {
    const answer = await this.call("activate", "POST", `/cards/${encodeURIComponent(cardId)}/activation`, cardId);
    if (answer.status !== 204 && answer.status !== 200) throw this.refusal("activate", cardId, answer);
  }

  async block({ cardId, reason }: { cardId: string; reason: BlockReason }): Promise<void> {
    const answer = await this.call("block", "POST", `/cards/${encodeURIComponent(cardId)}/block`, cardId, { reason });
    if (answer.status !== 204 && answer.status !== 200) throw this.refusal("block", cardId, answer);
  }

  async ping(): Promise<CardSystemHealth> {
    const started = Date.now();
    const answer = await this.call("ping", "GET", "/health", undefined);
    if (answer.status !== 200) throw this.refusal("ping", undefined, answer);
    return { kind: "http", latencyMs: Date.now() - started };
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  /** One call with bounded retries; returns the first answer that another try would not change. */
  private async call(operation: Operation, method: Method, path: string, cardId?: string, body?: unknown) {
    const { maxAttempts, timeoutMs } = this.config;
    const retry = this.config.retry ?? { baseDelayMs: 200, maxDelayMs: 2_000 };
    let last: Record<string, unknown> = {};
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const answer = await this.send(method, path, body, timeoutMs);
        log.debug({ operation, cardId, attempt, status: answer.status }, "card system answered");
        if (answer.status !== 429 && answer.status < 500) return answer;
        last = { status: answer.status, errorCode: errorCodeOf(answer.json) };
      } catch (err) {
        last = { reason: reasonOf(err) };
      }
      log.warn({ operation, cardId, attempt, ...last }, "card system call failed");
      if (attempt < maxAttempts) {
        // Full jitter: uniform in [0, min(cap, base·2^(attempt-1))).
        await this.sleep(
          Math.floor(this.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1))),
        );
      }
    }
    throw new AppError("unavailable:card_system", { detail: { operation, attempts: maxAttempts, ...last } });
  }

  private async send(method: Method, path: string, body: unknown, timeoutMs: number): Promise<Answer> {
    const res = await request(`${this.base}${path}`, {
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? null : JSON.stringify(body),
      dispatcher: this.dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json };
  }

  /** A final answer that is not a success, as a coded error. */
  private refusal(operation: Operation, cardId: string | undefined, answer: Answer): AppError {
    const detail = { operation, status: answer.status, errorCode: errorCodeOf(answer.json) };
    log.warn({ cardId, ...detail }, "card system refused");
    if (answer.status === 409) return new AppError("conflict:card_system", { detail });
    if (answer.status === 404 && operation !== "allocate") {
      return new AppError("not_found:card_system", {
        message: msg("Errors.cardSystemUnknownCard"),
        detail,
      });
    }
    if (answer.status === 401 || answer.status === 403) {
      return new AppError("unavailable:card_system", {
        message: msg("Errors.cardSystemCredentials"),
        detail,
      });
    }
    return new AppError("bad_request:card_system", {
      message: msg("Errors.cardSystemRefused"),
      detail,
    });
  }
}
