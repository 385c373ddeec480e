// The simulator's memory of card orders: one operation per cardId, its status history, the
// counters tests use to prove "exactly one production per job", and the mapping of
// details.status to the operation-level status (D1 §10.3).
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { CardData, DetailsStatus, OperationNotification, OperationStatus } from "./types";

export type FailureKind =
  "jam" | "chipWriteFail" | "outOfStock" | "offline" | "stationError" | "dataException" | "canceled";

interface Failure {
  status: DetailsStatus;
  reason: string;
  errorCode: string;
  error: string;
}

/** errorCode values for FAILED are not published (§10.2 [U]), hence SIM_ codes. */
export const FAILURES: Record<FailureKind, Failure> = {
  jam: {
    status: "CARD_PROD_EXCEPTION",
    reason: "jam",
    errorCode: "SIM_CARD_JAM",
    error: "Card jammed in the personalization station",
  },
  chipWriteFail: {
    status: "CARD_PROD_EXCEPTION",
    reason: "chip write failure",
    errorCode: "SIM_CHIP_WRITE_FAILURE",
    error: "Writing the chip failed",
  },
  outOfStock: {
    status: "CARD_PROD_EXCEPTION",
    reason: "out of stock",
    errorCode: "SIM_OUT_OF_STOCK",
    error: "No blank cards left for this product at the station",
  },
  offline: {
    status: "CARD_PROD_EXCEPTION",
    reason: "station offline",
    errorCode: "SIM_STATION_OFFLINE",
    error: "The personalization station did not answer",
  },
  stationError: {
    status: "CARD_PROD_EXCEPTION",
    reason: "station error",
    errorCode: "SIM_STATION_ERROR",
    error: "The personalization station reports an error",
  },
  dataException: {
    status: "DATA_EXCEPTION",
    reason: "invalid personalization data",
    errorCode: "SIM_DATA_EXCEPTION",
    error: "Personalization data could not be processed",
  },
  // CARD_PROD_CANCELED → FAILED (§10.3 [U]): no card came out, which is what a teller must see.
  canceled: {
    status: "CARD_PROD_CANCELED",
    reason: "canceled by the issuer",
    errorCode: "SIM_CARD_PROD_CANCELED",
    error: "Production was canceled",
  },
};

const FINAL: ReadonlySet<DetailsStatus> = new Set([
  "CARD_PROD_DONE",
  "DATA_EXCEPTION",
  "CARD_PROD_EXCEPTION",
  "CARD_PROD_CANCELED",
]);

export function operationStatusOf(status: DetailsStatus): OperationStatus {
  if (status === "CARD_PROD_REQUESTED" || status === "CARD_PROD_READY") return "PENDING";
  return status === "CARD_PROD_DONE" ? "SUCCESSFUL" : "FAILED";
}

export interface Order {
  /** The cardId, or `cardId~n` for the n-th order of a cardId held twice ("duplicate" mode). */
  key: string;
  cardId: string;
  operationId: string;
  issuerRequestId: string;
  persoStation: string;
  cardProductId: string;
  fingerprint: string;
  acceptedAt: string;
  history: DetailsStatus[];
  latest: OperationNotification;
  /** Decrypted card data; deleted as soon as the card reaches a final status. */
  cardData?: CardData;
}

export interface Counters {
  ordersReceived: number;
  /** E2 calls for a cardId the simulator already held, whatever the answer. */
  ordersRepeated: number;
  ordersAccepted: Record<string, number>;
  ordersAcceptedByIssuerRequestId: Record<string, number>;
  operationsCreated: number;
  productionsStarted: Record<string, number>;
  productionsStartedByIssuerRequestId: Record<string, number>;
}

const emptyCounters = (): Counters => ({
  ordersReceived: 0,
  ordersRepeated: 0,
  ordersAccepted: {},
  ordersAcceptedByIssuerRequestId: {},
  operationsCreated: 0,
  productionsStarted: {},
  productionsStartedByIssuerRequestId: {},
});

const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

/** Key order independent JSON, so {a,b} and {b,a} fingerprint the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export class OrderBook {
  /** Every order by its key; a cardId ordered twice ("duplicate" mode) has two. */
  readonly orders = new Map<string, Order>();
  /** cardId → key of its latest order, which E2 and E3 see. */
  private readonly latest = new Map<string, string>();
  counters: Counters = emptyCounters();
  /** Keyed per instance so a fingerprint of card data cannot be brute-forced offline. */
  private readonly hmacKey = randomBytes(32);

  constructor(private readonly onChange: (op: OperationNotification) => void) {}

  /** Fingerprint of everything that defines the order, using decrypted card data, not the JWE. */
  fingerprint(request: Record<string, unknown>, cardData: CardData): string {
    const rest = { ...request };
    delete rest.encryptedData;
    return createHmac("sha256", this.hmacKey).update(canonical({ rest, cardData })).digest("base64url");
  }

  /** The latest order for a cardId: what E2 and E3 see. */
  get(cardId: string): Order | undefined {
    const key = this.latest.get(cardId);
    return key === undefined ? undefined : this.orders.get(key);
  }

  /** One order by its key (stations queue keys, so each of two orders for a cardId is produced). */
  byKey(key: string): Order | undefined {
    return this.orders.get(key);
  }

  noteAccepted(order: Order): void {
    bump(this.counters.ordersAccepted, order.cardId);
    bump(this.counters.ordersAcceptedByIssuerRequestId, order.issuerRequestId);
  }

  /** A new order; for a cardId already held it is a second one, with its own production. */
  create(input: Omit<Order, "key" | "operationId" | "acceptedAt" | "history" | "latest">): Order {
    const now = new Date().toISOString();
    const operationId = randomUUID();
    const held = [...this.orders.values()].filter((o) => o.cardId === input.cardId).length;
    const order: Order = {
      key: held === 0 ? input.cardId : `${input.cardId}~${held + 1}`,
      ...input,
      operationId,
      acceptedAt: now,
      history: [],
      latest: {
        operationId,
        operation: "PRODUCE",
        status: "PENDING",
        startTime: now,
        cardId: input.cardId,
        details: { status: "CARD_PROD_REQUESTED" },
      },
    };
    this.orders.set(order.key, order);
    this.latest.set(order.cardId, order.key);
    this.counters.operationsCreated++;
    this.transition(order, "CARD_PROD_REQUESTED");
    return order;
  }

  productionStarted(order: Order): void {
    bump(this.counters.productionsStarted, order.cardId);
    bump(this.counters.productionsStartedByIssuerRequestId, order.issuerRequestId);
  }

  isFinal(order: Order): boolean {
    return FINAL.has(order.latest.details.status);
  }

  transition(order: Order, status: DetailsStatus, failure?: Failure): OperationNotification {
    if (order.history.length > 0 && this.isFinal(order)) return order.latest;
    const op: OperationNotification = {
      operationId: order.operationId,
      operation: "PRODUCE",
      status: operationStatusOf(status),
      startTime: order.acceptedAt,
      cardId: order.cardId,
      issuerRequestId: order.issuerRequestId,
      details: failure ? { status, reason: failure.reason } : { status },
    };
    if (FINAL.has(status)) {
      op.endTime = new Date().toISOString();
      delete order.cardData;
    }
    if (failure) Object.assign(op, { errorCode: failure.errorCode, error: failure.error });
    order.history.push(status);
    order.latest = op;
    this.onChange(op);
    return op;
  }

  fail(order: Order, kind: FailureKind): OperationNotification {
    const failure = FAILURES[kind];
    return this.transition(order, failure.status, failure);
  }

  reset(): void {
    this.orders.clear();
    this.latest.clear();
    this.counters = emptyCounters();
  }
}
