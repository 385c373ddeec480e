// The card system step of the pre-flight check. The bank's card system adapter (lib/card-system,
// with its own `ping()`) replaces this probe once it lands; until then the check asks today's
// simulated card data source for card data of a throw-away cardId, which is held in memory only.
import "server-only";
import { SimulatedCardDataSource } from "@/lib/card-data/simulated";
import { isLuhnValid } from "@/lib/card-data/pan";

export interface CardSystemProbe {
  /** Shown to the operator, e.g. "Simulated card data source". */
  name: string;
  /** Resolves with a short sentence when the card system answers; throws when it does not. */
  ping(): Promise<string>;
}

export function simulatedCardSystemProbe(): CardSystemProbe {
  const source = new SimulatedCardDataSource();
  return {
    name: "Simulated card data source",
    async ping() {
      const data = await source.allocate({
        jobId: "preflight",
        cardId: "preflight-check",
        product: { bin: "999999", panLength: 16, expiryMonths: 36 },
        nameOnCard: "PREFLIGHT CHECK",
      });
      if (!isLuhnValid(data.pan)) throw new Error("it returned a PAN that fails the Luhn check");
      return "No bank card system is configured: card data is simulated (not for production).";
    },
  };
}
