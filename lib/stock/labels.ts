// How stock places, movements and spoil reasons read on screen and in the CSV. Plain constants:
// client components import them.
import type { SpoilReason, StockMovement, StockPlace } from "@/lib/vocabulary";

export const PLACE_LABEL: Record<StockPlace, string> = { vault: "Vault", station: "Station", spoiled: "Spoiled" };

export const MOVEMENT_LABEL: Record<StockMovement, string> = {
  received: "Received",
  loaded: "Loaded",
  produced: "Produced",
  spoiled: "Spoiled",
  destroyed: "Destroyed",
  corrected: "Corrected",
};

export const SPOIL_REASON_LABEL: Record<SpoilReason, string> = {
  production_exception: "Production exception (e.g. jam)",
  misprint: "Misprint",
  not_handed_over: "Produced, never handed over",
  damaged: "Damaged",
  test_card: "Test card of a new station",
};

/** "Only 7 blank cards left" / "No blank cards left": the teller's warning before sending. */
export function lowStockMessage(balance: number): string {
  if (balance <= 0) return "No blank cards left";
  return balance === 1 ? "Only 1 blank card left" : `Only ${balance} blank cards left`;
}

/** A station's blank cards of one stock: how many, and whether the teller is warned or it is not offered. */
export type StationStock = { balance: number; low: boolean; empty: boolean };

/** Null for a product that counts no stock (no stock type): nothing to warn about. */
export function stationStock(
  station: { stock: Array<{ stockTypeId: string; balance: number }>; lowStockThreshold: number },
  stockTypeId: string | null | undefined,
): StationStock | null {
  if (!stockTypeId) return null;
  const balance = station.stock.find((s) => s.stockTypeId === stockTypeId)?.balance ?? 0;
  return { balance, low: balance < station.lowStockThreshold, empty: balance <= 0 };
}
