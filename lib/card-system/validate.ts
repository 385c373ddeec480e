// Checks on the card data a card system hands back, before any of it reaches D1: a card that
// fails here is never ordered. The bank's system is the authority on PAN uniqueness; we refuse
// only what we can check without storing a PAN (docs/card-system.md, "What the product checks").
import { createHmac, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { CardData, CardDataRequest } from "./card-system";
import { isLuhnValid } from "./pan";

function refuse(check: string, detail: Record<string, unknown> = {}): never {
  // The detail names the failed check, never a PAN or any part of it beyond what the job keeps.
  throw new AppError("invalid:card_system", { detail: { check, ...detail } });
}

/** The current month as YYMM-comparable number (UTC): 2026-11 → 2611. */
function monthNumber(now: Date): number {
  return (now.getUTCFullYear() % 100) * 100 + now.getUTCMonth() + 1;
}

/** Checks one allocation against the product and the clock; throws `invalid:card_system`. */
export function checkCardData(request: CardDataRequest, card: CardData, now: Date = new Date()): void {
  const { pan, exp, panSequenceNumber, cvv2 } = card;
  if (typeof pan !== "string" || !/^\d{13,19}$/.test(pan)) refuse("pan_format");
  if (pan.length !== request.product.panLength) {
    refuse("pan_length", { expected: request.product.panLength, got: pan.length });
  }
  if (!pan.startsWith(request.product.bin)) refuse("pan_bin");
  if (!isLuhnValid(pan)) refuse("pan_luhn");
  if (typeof exp !== "string" || !/^\d{2}(0[1-9]|1[0-2])$/.test(exp)) refuse("exp_format");
  // YYMM: a card that expires this month is still valid this month; two-digit years wrap in 2100,
  // so anything more than 50 years ahead reads as the past.
  const months = Number(exp) - monthNumber(now);
  if (months < 0 || months > 5000) refuse("exp_past", { exp });
  if (panSequenceNumber !== undefined && !/^\d{2}$/.test(panSequenceNumber)) refuse("psn_format");
  if (cvv2 !== undefined && !/^\d{3,4}$/.test(cvv2)) refuse("cvv2_format");
}

/**
 * Refuses the same PAN for two different cardIds within this process. It keeps a keyed digest
 * of recent PANs, never a PAN: the key is random per process and lives only in memory, so the
 * digests are worthless once the process ends (a restart forgets them). This is a safety net
 * for a faulty card system, not a uniqueness guarantee: the bank's system owns that.
 */
export class DuplicatePanGuard {
  private readonly key = randomBytes(32);
  private readonly seen = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  check(cardId: string, pan: string): void {
    const digest = createHmac("sha256", this.key).update(pan).digest("base64url");
    const holder = this.seen.get(digest);
    if (holder !== undefined && holder !== cardId) refuse("pan_duplicate", { otherCardId: holder });
    // Refresh the entry's position: the map's insertion order is the eviction order.
    this.seen.delete(digest);
    this.seen.set(digest, cardId);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
