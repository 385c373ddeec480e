// What issuance needs from the outside world, passed in so the worker uses the real D1 client
// and card system from settings, and tests use the same implementations against the
// simulator with their own configuration.
import type { CardSystem } from "@/lib/card-system/card-system";
import type { D1Client } from "@/lib/d1";

export type IssuanceDeps = {
  d1: Pick<D1Client, "orderInstantCard" | "getProductionStatus">;
  cardSystem: CardSystem;
  isRetryable(error: unknown): boolean;
};
