// Shapes shared by the simulator's modules. Field names and enums follow the D1 reference
// (../shared/d1-api.md §10); anything prefixed SIM_ is the simulator's own vocabulary.

/** `details.status` values for INSTANT issuance (D1 fact, §10.3). */
export type DetailsStatus =
  | "CARD_PROD_REQUESTED"
  | "CARD_PROD_READY"
  | "CARD_PROD_DONE"
  | "DATA_EXCEPTION"
  | "CARD_PROD_EXCEPTION"
  | "CARD_PROD_CANCELED";

/** Operation-level status (D1 fact, §10.2). */
export type OperationStatus = "PENDING" | "SUCCESSFUL" | "FAILED";

/** One `CardStatus-operation-notification`, as sent in E5 and returned by E3. */
export interface OperationNotification {
  operationId: string;
  operation: "PRODUCE";
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  cardId: string;
  issuerRequestId?: string;
  details: { status: DetailsStatus; reason?: string };
  errorCode?: string;
  error?: string;
}

/** Decrypted `encryptedData`. Lives only in memory, only until the card is finished. */
export interface CardData {
  pan: string;
  exp: string;
  name: string;
  [field: string]: unknown;
}

export type StationState = "ONLINE" | "OFFLINE" | "ERROR";

export interface StationTimings {
  /** From the moment the station takes the card to CARD_PROD_READY. */
  readyMs: number;
  /** From the moment the station takes the card to CARD_PROD_DONE (never before READY). */
  doneMs: number;
  /** How long a card waits for an OFFLINE station before it fails with "station offline". */
  offlineTimeoutMs: number;
}

export interface StationConfig {
  persoStation: string;
  branchCode: string;
  state?: StationState;
  /** Blank cards left per cardProductId; absent means unlimited. */
  stock?: Record<string, number>;
  timings?: Partial<StationTimings>;
  /** Manual stations wait for the control API to report each step instead of using timers. */
  manual?: boolean;
}

/** Per-card station faults an operator can queue up. */
export type StationFaultKind = "jam" | "chipWriteFail" | "outOfStock" | "dataException";
