// The card system for development and demos: Luhn-valid PANs under the product's BIN, derived
// from the cardId so a retried job always re-sends the same card (D1 refuses the same cardId
// with different data). These PANs are fake; a bank sets CARD_SYSTEM=http for its own system.
// Activation and blocking are kept in memory (lost on restart); it imports no settings or
// logger, so the e2e PAN scan can load it on its own. The card system stub
// (sim/card-system.ts) derives its PANs the same way, so the e2e PAN scan finds either's PANs.
import "server-only";
import { createHmac } from "node:crypto";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import type { BlockReason, CardData, CardDataRequest, CardSystem, CardSystemHealth } from "./card-system";
import { luhnCheckDigit } from "./pan";

export interface SimulatedCardDataOptions {
  /** Key of the PAN derivation; a fixed default keeps PANs stable across restarts. */
  seed?: string;
  now?: () => Date;
}

/** YYMM of the month `months` after `now` (UTC). */
export function expiryYymm(now: Date, months: number): string {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() + months;
  const year = Math.floor(total / 12) % 100;
  const month = (total % 12) + 1;
  return `${String(year).padStart(2, "0")}${String(month).padStart(2, "0")}`;
}

function checkProduct(product: CardDataRequest["product"]): void {
  const { bin, panLength, expiryMonths } = product;
  const ok =
    /^\d{1,11}$/.test(bin) &&
    Number.isInteger(panLength) &&
    panLength >= 13 &&
    panLength <= 19 &&
    bin.length <= panLength - 2 &&
    Number.isInteger(expiryMonths) &&
    expiryMonths >= 1 &&
    expiryMonths <= 120;
  if (!ok) {
    throw new AppError("invalid:product", {
      message: msg("Errors.productNumbersInvalid"),
      detail: { binLength: bin.length, panLength, expiryMonths },
    });
  }
}

export type SimulatedCardState = "active" | { blocked: BlockReason };

export class SimulatedCardSystem implements CardSystem {
  private readonly seed: string;
  private readonly now: () => Date;
  private readonly states = new Map<string, SimulatedCardState>();
  // The account each debit card was allocated for, as a real card system links them.
  private readonly accounts = new Map<string, string>();

  constructor(options: SimulatedCardDataOptions = {}) {
    this.seed = options.seed ?? "branch-instant-issuance/simulated-card-data";
    this.now = options.now ?? (() => new Date());
  }

  /** Account digits derived from the cardId; the same cardId always gives the same digits. */
  private accountDigits(cardId: string, count: number): string {
    let digits = "";
    for (let block = 0; digits.length < count; block++) {
      const bytes = createHmac("sha256", this.seed).update(`${cardId}:${block}`).digest();
      // Bytes ≥ 250 are skipped so each digit is uniform.
      for (const b of bytes) if (b < 250 && digits.length < count) digits += String(b % 10);
    }
    return digits;
  }

  allocate(request: CardDataRequest): Promise<CardData> {
    // The executor turns a thrown product error into a rejection, as a real CMS call would give.
    return new Promise((resolve) => {
      const card = this.build(request);
      if (request.accountNumber) this.accounts.set(request.cardId, request.accountNumber);
      resolve(card);
    });
  }

  activate({ cardId }: { cardId: string }): Promise<void> {
    const state = this.states.get(cardId);
    if (state !== undefined && state !== "active") {
      return Promise.reject(new AppError("conflict:card_system", { detail: { operation: "activate", state } }));
    }
    this.states.set(cardId, "active");
    return Promise.resolve();
  }

  block({ cardId, reason }: { cardId: string; reason: BlockReason }): Promise<void> {
    // Blocking is final: a second block keeps the first reason, as a real card system would.
    if (typeof this.states.get(cardId) !== "object") this.states.set(cardId, { blocked: reason });
    return Promise.resolve();
  }

  /** What activate/block left for this card (undefined: neither was called). */
  stateOf(cardId: string): SimulatedCardState | undefined {
    return this.states.get(cardId);
  }

  /** The account number the card was allocated for (undefined: none was sent). */
  accountOf(cardId: string): string | undefined {
    return this.accounts.get(cardId);
  }

  ping(): Promise<CardSystemHealth> {
    return Promise.resolve({ kind: "simulated", latencyMs: 0 });
  }

  private build(request: CardDataRequest): CardData {
    checkProduct(request.product);
    const { bin, panLength, expiryMonths } = request.product;
    const body = bin + this.accountDigits(request.cardId, panLength - bin.length - 1);
    return {
      pan: body + String(luhnCheckDigit(body)),
      exp: expiryYymm(this.now(), expiryMonths),
      name: request.nameOnCard.trim(),
      panSequenceNumber: "00",
    };
  }
}
