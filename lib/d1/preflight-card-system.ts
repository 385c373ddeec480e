// The card system step of the pre-flight check: the health call (`ping()`) of the card system
// the app is configured with (CARD_SYSTEM, lib/card-system). It never allocates card data.
import "server-only";
import { cardSystem, type CardSystem } from "@/lib/card-system";
import { env } from "@/lib/env";

export interface CardSystemProbe {
  /** Shown to the operator, e.g. "Simulated card system". */
  name: string;
  /** Resolves with a short sentence when the card system answers; throws when it does not. */
  ping(): Promise<string>;
}

export function cardSystemProbe(
  kind: "simulated" | "http" = env.CARD_SYSTEM,
  system: () => CardSystem = cardSystem,
): CardSystemProbe {
  return {
    name: kind === "http" ? "The bank's card system (CARD_SYSTEM=http)" : "Simulated card system",
    async ping() {
      // Made here, not before: unreadable certificate files fail this step, not the whole check.
      const health = await system().ping();
      return health.kind === "simulated"
        ? "No bank card system is configured: card data is simulated (not for production)."
        : `It answered in ${health.latencyMs} ms.`;
    },
  };
}
