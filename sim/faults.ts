// Fault injection state for E2 (order) requests and E5 notifications. Faults are either
// counted ("the next N") or probabilistic; both are simulator features, not D1 behaviour.
import { z } from "zod";

export const orderFaultSchema = z
  .object({
    /** http500: 500 {errorCode, error}; http429: 429 with Retry-After; hang: never answer;
     * hangAfterAccept: take the order, then never answer (lost response); slow: answer after delayMs. */
    mode: z.enum(["http500", "http429", "hang", "hangAfterAccept", "slow"]),
    count: z.number().int().min(1).max(1_000_000).optional(),
    probability: z.number().min(0).max(1).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Only orders for this station: lets a test break D1 for its own card, not for every test. */
    persoStation: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((f) => (f.count === undefined) !== (f.probability === undefined), "give either count or probability");
export type OrderFault = z.infer<typeof orderFaultSchema>;

/**
 * How the simulator answers a second order for a cardId it already holds. D1 does not publish
 * it (§13), so each plausible answer can be chosen: `original` = the first order's 202 and
 * operationId (409 when the body differs); `conflict` = 409; `bad_request` = 400
 * FIELD_INVALID_VALUE cardId; `duplicate` = the worst case, a second card is produced.
 */
export const REPEATED_ORDER_MODES = ["original", "conflict", "bad_request", "duplicate"] as const;
export const repeatedOrderModeSchema = z.enum(REPEATED_ORDER_MODES);
export type RepeatedOrderMode = z.infer<typeof repeatedOrderModeSchema>;
export const repeatedOrdersSchema = z.object({ mode: repeatedOrderModeSchema }).strict();

export class OrderFaults {
  private faults: OrderFault[] = [];

  add(fault: OrderFault): void {
    this.faults.push({ ...fault });
  }

  list(): OrderFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Removes one fault by its position in list(); false when there is none there. */
  remove(index: number): boolean {
    if (index < 0 || index >= this.faults.length) return false;
    this.faults.splice(index, 1);
    return true;
  }

  /** Picks the fault for this request, if any: counted faults first, in order, then odds. */
  take(random: () => number = Math.random, persoStation?: string): OrderFault | undefined {
    const applies = (f: OrderFault) => f.persoStation === undefined || f.persoStation === persoStation;
    const counted = this.faults.find((f) => applies(f) && f.count !== undefined && f.count > 0);
    if (counted) {
      counted.count = (counted.count ?? 1) - 1;
      if (counted.count <= 0) this.faults.splice(this.faults.indexOf(counted), 1);
      return { ...counted };
    }
    return this.faults.find((f) => applies(f) && f.probability !== undefined && random() < f.probability);
  }
}

const percent = z.number().min(0).max(100);
const count = z.number().int().min(0).max(1_000_000);
export const notificationFaultsSchema = z
  .object({
    /** Operations silently never sent. */
    dropNext: count,
    dropPercent: percent,
    /** Operations sent twice (at-least-once delivery). */
    duplicateNext: count,
    duplicatePercent: percent,
    /** Operations held back by delayMs, so later ones overtake them. */
    delayNext: count,
    delayPercent: percent,
    delayMs: z.number().int().min(0).max(600_000),
    /** Operations held until the next operation has been queued (swapped order). */
    reorderNext: count,
    /** Calls re-sent after backoff although the issuer answered 2xx, as when D1 misses the
     * answer (5xx at a proxy, timeout) and retries: the issuer sees the same call twice. */
    resendNext: count,
  })
  .partial()
  .strict();
export type NotificationFaultSettings = z.infer<typeof notificationFaultsSchema>;

export type NotificationFaultState = Required<NotificationFaultSettings>;

export const noNotificationFaults = (): NotificationFaultState => ({
  dropNext: 0,
  dropPercent: 0,
  duplicateNext: 0,
  duplicatePercent: 0,
  delayNext: 0,
  delayPercent: 0,
  delayMs: 1000,
  reorderNext: 0,
  resendNext: 0,
});

type CountedKey = "dropNext" | "duplicateNext" | "delayNext" | "reorderNext" | "resendNext";

/** Consumes one unit of a counted fault, or rolls the matching percentage. */
export function hit(
  state: NotificationFaultState,
  counted: CountedKey,
  pct?: "dropPercent" | "duplicatePercent" | "delayPercent",
  random: () => number = Math.random,
): boolean {
  if (state[counted] > 0) {
    state[counted]--;
    return true;
  }
  return pct !== undefined && state[pct] > 0 && random() * 100 < state[pct];
}
