// What issuance needs from the outside world, passed in so the worker uses the real D1 client
// and card system from settings, and tests use the same implementations against the
// simulator with their own configuration.
import type { CardSystem } from "@/lib/card-system/card-system";
import type { D1Client } from "@/lib/d1";

export type IssuanceDeps = {
  d1: Pick<D1Client, "orderInstantCard" | "getProductionStatus">;
  cardSystem: CardSystem;
  isRetryable(error: unknown): boolean;
  /**
   * The deps of a training job (lib/training/deps.ts): the training simulator and a simulated
   * card system. Without it a training job is not submitted; it never falls back to these.
   */
  training?: () => Promise<IssuanceDeps>;
};
