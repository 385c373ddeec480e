// Faults of the card system stub, each for the next `count` calls it applies to. They stand in
// for what a bank's card system can get wrong; the product must refuse the bad data or wait.
import { z } from "zod";

export const CARD_SYSTEM_FAULTS = ["slow", "http500", "badLuhn", "duplicatePan", "refuseActivation"] as const;

export const cardSystemFaultSchema = z
  .object({
    /** slow: answer after delayMs (any call); http500: 500 {errorCode, error} (any call);
     * badLuhn: a PAN whose check digit is wrong; duplicatePan: the PAN last allocated to another
     * card; refuseActivation: 409 CARD_NOT_ACTIVATABLE. */
    mode: z.enum(CARD_SYSTEM_FAULTS),
    count: z.number().int().min(1).max(1_000_000).default(1),
    delayMs: z.number().int().min(0).max(600_000).default(5_000),
  })
  .strict();
export type CardSystemFault = z.infer<typeof cardSystemFaultSchema>;

export class CardSystemFaults {
  private faults: CardSystemFault[] = [];

  add(fault: CardSystemFault): void {
    this.faults.push({ ...fault });
  }

  list(): CardSystemFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the first fault of `mode`, if one is set. */
  take(mode: CardSystemFault["mode"]): CardSystemFault | undefined {
    const fault = this.faults.find((f) => f.mode === mode);
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return { ...fault };
  }
}
