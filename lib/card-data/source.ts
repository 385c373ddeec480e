// Where a job's card data comes from. A bank plugs its card management system (CMS) in here:
// the CMS allocates the PAN (or looks up the one it already created for this account) and
// returns it with the expiry and printed name, and the D1 client encrypts it for the order.
// The result lives in memory for one D1 call only; callers keep nothing but `last4(pan)`.
import type { D1CardData } from "@/lib/d1/types";

export interface CardDataRequest {
  jobId: string;
  /** The job's D1 cardId. Implementations must be idempotent per job: a retried order must
   * re-send the same card, or D1 sees a different order for the same cardId. */
  cardId: string;
  product: {
    /** Issuer BIN/IIN prefix, digits only. */
    bin: string;
    /** Total PAN length including the check digit (13–19). */
    panLength: number;
    /** Card validity from issue, in months. */
    expiryMonths: number;
  };
  /** Name to print, already checked against the product's embossing rules. */
  nameOnCard: string;
}

/** D1's card-data fields (d1-api.md §7.4): pan, exp (YYMM), name, and optional extras. */
export type CardData = D1CardData;

export interface CardDataSource {
  allocate(request: CardDataRequest): Promise<CardData>;
}
