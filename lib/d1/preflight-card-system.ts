// The card system step of the pre-flight check: the health call (`ping()`) of the card system
// the app is configured with (CARD_SYSTEM, lib/card-system). It never allocates card data.
import "server-only";
import { cardSystem, type CardSystem } from "@/lib/card-system";
import { env } from "@/lib/env";
import { text, type D1Text } from "./preflight-text";

export interface CardSystemProbe {
  /** Shown to the operator: a message ("Simulated card system"), or a name as it is. */
  name: D1Text | string;
  /** Resolves with a short sentence when the card system answers; throws when it does not. */
  ping(): Promise<D1Text>;
}

export function cardSystemProbe(
  kind: "simulated" | "http" = env.CARD_SYSTEM,
  system: () => CardSystem = cardSystem,
): CardSystemProbe {
  return {
    name: text(kind === "http" ? "cardSystemBank" : "cardSystemSimulated"),
    async ping() {
      // Made here, not before: unreadable certificate files fail this step, not the whole check.
      const health = await system().ping();
      return health.kind === "simulated"
        ? text("cardSystemSimulatedNote")
        : text("cardSystemLatency", { ms: health.latencyMs });
    },
  };
}
