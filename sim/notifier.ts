// E5 client: POSTs `{operations:[…]}` to the issuer's Notify Card Operations endpoint (D1 §10),
// over mTLS with the simulator's client certificate, with an E6 bearer token when configured.
// One call in flight at a time keeps normal delivery in order; 5xx and timeouts are retried
// with exponential backoff, 4xx never (§10.4 simulator decision). Faults come from faults.ts.
import { randomBytes } from "node:crypto";
import { Agent, request } from "undici";
import { hit, noNotificationFaults, type NotificationFaultState } from "./faults";
import { IssuerTokenClient, IssuerTokenError, type IssuerTokenConfig } from "./issuer-token";
import type { Logger } from "./logger";
import type { Timers } from "./timers";
import type { OperationNotification } from "./types";

export interface NotifierConfig {
  issuerId: string;
  /** Issuer base URL, e.g. http://127.0.0.1:3000; unset = notifications are only logged. */
  baseUrl?: string;
  token?: IssuerTokenConfig;
  tls?: { certPem: string; keyPem: string; caPem: string };
  maxOperationsPerNotification: number;
  maxAttempts: number;
  baseDelayMs: number;
  timeoutMs: number;
  /**
   * Delivers in-process instead of over HTTP (the app's training mode, docs/training.md): resolve
   * for a 2xx, reject for a failure that is retried like a 5xx. Faults apply as to HTTP delivery.
   */
  deliver?: (operations: OperationNotification[]) => Promise<void>;
}

export interface NotificationEvent {
  seq: number;
  at: string;
  outcome: "delivered" | "failed" | "gave-up" | "dropped" | "skipped" | "resent";
  attempt?: number;
  /** HTTP status, or "timeout" / "network-error" / "token-error". */
  response?: number | string;
  correlationId?: string;
  operations: Array<{ operationId: string; cardId: string; status: string; detailsStatus: string }>;
}

const emptyStats = () => ({
  calls: 0,
  delivered: 0,
  gaveUp: 0,
  dropped: 0,
  duplicated: 0,
  delayed: 0,
  reordered: 0,
  resent: 0,
  responses: {} as Record<string, number>,
});
const summary = (ops: OperationNotification[]) =>
  ops.map((o) => ({ operationId: o.operationId, cardId: o.cardId, status: o.status, detailsStatus: o.details.status }));
const MAX_EVENTS = 1000;

export class Notifier {
  faults: NotificationFaultState = noNotificationFaults();
  stats = emptyStats();
  events: NotificationEvent[] = [];
  readonly tokens: IssuerTokenClient | undefined;
  private readonly dispatcher: Agent;
  private pending: OperationNotification[] = [];
  private held: OperationNotification[] = [];
  private sending = false;
  private seq = 0;
  /** Bumped by reset() so deliveries already in flight stop retrying. */
  private generation = 0;

  constructor(
    private readonly config: NotifierConfig,
    private readonly timers: Timers,
    private readonly log: Logger,
  ) {
    const tls = config.tls;
    this.dispatcher = new Agent({ connect: tls ? { cert: tls.certPem, key: tls.keyPem, ca: tls.caPem } : {} });
    this.tokens = config.token ? new IssuerTokenClient(config.token, this.dispatcher, config.timeoutMs) : undefined;
  }

  enqueue(op: OperationNotification): void {
    const copy = structuredClone(op);
    if (hit(this.faults, "dropNext", "dropPercent")) {
      this.stats.dropped++;
      return this.record({ outcome: "dropped", operations: summary([copy]) });
    }
    const copies = hit(this.faults, "duplicateNext", "duplicatePercent") ? [copy, structuredClone(copy)] : [copy];
    if (copies.length > 1) this.stats.duplicated++;
    if (hit(this.faults, "delayNext", "delayPercent")) {
      this.stats.delayed++;
      this.timers.after(this.faults.delayMs, () => this.push(copies));
    } else if (hit(this.faults, "reorderNext")) {
      this.stats.reordered++;
      this.held.push(...copies);
      this.timers.after(this.faults.delayMs, () => this.push([]));
    } else {
      this.push(copies);
    }
  }

  /** Queues operations, then releases anything held back for reordering behind them. */
  private push(ops: OperationNotification[]): void {
    this.pending.push(...ops, ...this.held.splice(0));
    this.pump();
  }

  private pump(): void {
    if (this.sending || this.timers.isStopped || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.config.maxOperationsPerNotification);
    this.sending = true;
    void this.deliver(batch)
      .catch((err: unknown) => this.log.error({ err }, "notification delivery crashed"))
      .finally(() => {
        this.sending = false;
        this.pump();
      });
  }

  private async deliver(batch: OperationNotification[]): Promise<void> {
    const ops = summary(batch);
    if (!this.config.baseUrl && !this.config.deliver) return this.record({ outcome: "skipped", operations: ops });
    const url = `${(this.config.baseUrl ?? "").replace(/\/+$/, "")}/notifications/d1/v2/issuers/${encodeURIComponent(this.config.issuerId)}/cards`;
    const body = JSON.stringify({ operations: batch });
    let resend = hit(this.faults, "resendNext");
    let refreshedAfter401 = false;
    const generation = this.generation;
    for (let attempt = 1; attempt <= this.config.maxAttempts; attempt++) {
      if (this.timers.isStopped || generation !== this.generation) return;
      const correlationId = randomBytes(12).toString("base64url");
      const { response, retryable } = this.config.deliver
        ? await this.deliverInProcess(batch)
        : await this.post(url, body, correlationId);
      if (generation !== this.generation) return;
      this.stats.calls++;
      this.stats.responses[String(response)] = (this.stats.responses[String(response)] ?? 0) + 1;
      const ok = typeof response === "number" && response >= 200 && response < 300;
      if (ok && !resend) {
        this.stats.delivered++;
        return this.record({ outcome: "delivered", attempt, response, correlationId, operations: ops });
      }
      if (ok) {
        resend = false;
        this.stats.resent++;
        this.record({ outcome: "resent", attempt, response, correlationId, operations: ops });
      } else {
        this.record({ outcome: "failed", attempt, response, correlationId, operations: ops });
        if (response === 401 && this.tokens && !refreshedAfter401) {
          // The issuer may have rotated or revoked our token: fetch a new one and try again now.
          refreshedAfter401 = true;
          this.tokens.invalidate();
          attempt--;
          continue;
        }
        if (!retryable) break;
      }
      if (attempt < this.config.maxAttempts) await this.timers.sleep(this.config.baseDelayMs * 2 ** (attempt - 1));
    }
    this.stats.gaveUp++;
    this.log.warn({ operations: ops }, "notification abandoned");
    this.record({ outcome: "gave-up", operations: ops });
  }

  private async deliverInProcess(batch: OperationNotification[]): Promise<{ response: number; retryable: boolean }> {
    try {
      await this.config.deliver?.(structuredClone(batch));
      return { response: 204, retryable: false };
    } catch (err) {
      this.log.warn({ reason: (err as Error).message }, "in-process notification failed");
      return { response: 500, retryable: true };
    }
  }

  private async post(
    url: string,
    body: string,
    correlationId: string,
  ): Promise<{ response: number | string; retryable: boolean }> {
    const headers: Record<string, string> = { "content-type": "application/json", "x-correlation-id": correlationId };
    try {
      if (this.tokens) headers.authorization = `Bearer ${await this.tokens.get()}`;
    } catch (err) {
      const retryable = err instanceof IssuerTokenError ? err.retryable : true;
      this.log.warn({ reason: (err as Error).message }, "issuer token unavailable");
      return { response: "token-error", retryable };
    }
    try {
      const res = await request(url, {
        method: "POST",
        headers,
        body,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await res.body.dump();
      return { response: res.statusCode, retryable: res.statusCode >= 500 };
    } catch (err) {
      const name = (err as Error).name;
      const timeout = name === "TimeoutError" || name === "AbortError" || name === "HeadersTimeoutError";
      return { response: timeout ? "timeout" : "network-error", retryable: true };
    }
  }

  private record(event: Omit<NotificationEvent, "seq" | "at">): void {
    this.events.push({ seq: ++this.seq, at: new Date().toISOString(), ...event });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    this.log.debug({ outcome: event.outcome, response: event.response, operations: event.operations }, "notification");
  }

  reset(): void {
    this.generation++;
    this.pending = [];
    this.held = [];
    this.faults = noNotificationFaults();
    this.stats = emptyStats();
    this.events = [];
    this.tokens?.invalidate();
  }

  async close(): Promise<void> {
    await this.dispatcher.destroy();
  }
}
