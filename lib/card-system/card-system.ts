// Everything the bank's card management system (CMS) does for us, behind one interface:
// allocate a card's data for a D1 cardId, activate a card, block a card, and answer a health
// check. `CARD_SYSTEM` picks the implementation: `simulated` (fake, deterministic PANs) or
// `http` (the bank's service over mutual TLS, contract in docs/card-system.openapi.yaml).
// Card data lives in memory for one D1 call only; callers keep nothing but `last4(pan)`.
import type { D1CardData } from "@/lib/d1/types";

export interface CardDataRequest {
  jobId: string;
  /** The job's D1 cardId. Allocation is idempotent per cardId: a retried order must re-send
   * the same card, or D1 sees a different order for the same cardId. */
  cardId: string;
  product: {
    /** Issuer BIN/IIN prefix, digits only. */
    bin: string;
    /** Total PAN length including the check digit (13–19). */
    panLength: number;
    /** Card validity from issue, in months. */
    expiryMonths: number;
  };
  /** Name to print, already checked against the product's embossing rules. It stays with us:
   * the CMS is not sent the name, the card data gets it added locally. */
  nameOnCard: string;
  /** Debit products: the number of the customer's account the card draws on, so the card system
   * links the card to it. Absent for products that need no account. */
  accountNumber?: string;
}

/** D1's card-data fields (d1-api.md §7.4), plus the printed security code when the CMS has one.
 * D1's JSON name for the CSC/CVV2 is not published (§7.4 [U]), so `cvv2` is never sent to D1
 * until Thales confirms it (`toD1CardData`). */
export type CardData = D1CardData & { cvv2?: string };

/** Why a card is blocked. `replaced`: a new card was issued in its place. */
export const BLOCK_REASONS = ["lost", "stolen", "damaged", "replaced"] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export interface CardSystemHealth {
  /** Which implementation answered. */
  kind: "simulated" | "http";
  /** Round trip of the health call, in milliseconds. */
  latencyMs: number;
}

export interface CardSystem {
  /** The card data for a cardId: the same PAN, expiry and PSN on every call for that cardId. */
  allocate(request: CardDataRequest): Promise<CardData>;
  /** Activates the card once it is in the customer's hands. Idempotent: activating an active card
   * succeeds. Refusal: `conflict:card_system` (a blocked card, say). */
  activate(request: { cardId: string }): Promise<void>;
  /** Blocks the card for good. Idempotent: blocking a blocked card succeeds. */
  block(request: { cardId: string; reason: BlockReason }): Promise<void>;
  /** Health call for the pre-flight check and the admin page; throws `unavailable:card_system`. */
  ping(): Promise<CardSystemHealth>;
  close?(): Promise<void>;
}

/** The fields D1 takes: drops what D1 has no published field for. */
export function toD1CardData(card: CardData): D1CardData {
  const { cvv2: _cvv2, ...d1 } = card;
  return d1;
}
