// Shapes of the D1 instant-issuance contract that several modules share (d1-api.md §7, §10).

/**
 * The plaintext of `encryptedData` (§7.4). It exists in memory for one call only: it is never
 * stored, logged or put in an error. Only the last four PAN digits may leave the caller.
 */
export interface D1CardData {
  /** PAN, 13–19 digits. */
  pan: string;
  /** Expiry as YYMM, the physical-issuance format (§7.4; other D1 APIs use MMYY). */
  exp: string;
  /** Name printed on the card. */
  name: string;
  secondName?: string;
  /** Track-1 / chip name (ISO/IEC 7813); D1 derives it when absent. */
  encodedName?: string;
  /** PSN; D1 defaults it to "00". */
  panSequenceNumber?: string;
  cvv1?: string;
  pvv?: string;
  effectiveDate?: string;
  paymentAccountReference?: string;
}

/** `services.issuance` values (§7.3). */
export type IssuanceType = "CREATION" | "RENEWAL" | "REPLACEMENT";

/** `services` (§7.3): `issuance` per request, the rest are the product's onboarding defaults. */
export interface D1Services {
  issuance: IssuanceType;
  priority?: string;
  delivery?: string;
  cardCarrier?: string;
  packaging?: string;
  pinMailer?: boolean;
  alphaCard?: boolean;
}

/** `paymentApplication` (§7.5): EMV configuration and key-index references; types unpublished. */
export interface D1PaymentApplication {
  config?: string;
  odaKeyIndex?: string | number;
  derivationKeyIndex?: string | number;
  cvKeyIndex?: string | number;
  pvKeyIndex?: string | number;
  [field: string]: string | number | undefined;
}

/** `details.status` values D1 documents for INSTANT (§10.3). Others must be tolerated. */
export const INSTANT_DETAILS_STATUSES = [
  "CARD_PROD_REQUESTED",
  "CARD_PROD_READY",
  "CARD_PROD_DONE",
  "DATA_EXCEPTION",
  "CARD_PROD_EXCEPTION",
  "CARD_PROD_CANCELED",
] as const;
export type InstantDetailsStatus = (typeof INSTANT_DETAILS_STATUSES)[number];

/** cardId pattern (§4). */
export const CARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,48}$/;
/** x-correlation-id pattern (§4). Logged in clear by D1: never derive it from personal data. */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
