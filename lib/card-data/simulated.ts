// Card data for development and demos: Luhn-valid PANs under the product's BIN, derived from
// the cardId so a retried job always re-sends the same card (D1 de-duplicates by cardId and
// refuses the same cardId with different data). These PANs are fake; a bank replaces this
// source with its card management system (see source.ts).
import "server-only";
import { createHmac } from "node:crypto";
import { AppError } from "@/lib/errors";
import { luhnCheckDigit } from "./pan";
import type { CardData, CardDataRequest, CardDataSource } from "./source";

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
      message: "The card product's BIN, PAN length or validity is not valid. Ask an administrator to fix the product.",
      detail: { binLength: bin.length, panLength, expiryMonths },
    });
  }
}

export class SimulatedCardDataSource implements CardDataSource {
  private readonly seed: string;
  private readonly now: () => Date;

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
    return new Promise((resolve) => resolve(this.build(request)));
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
