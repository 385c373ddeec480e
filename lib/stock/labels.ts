// How spoil reasons read in English (the reports' CSV): the English messages' Vocab, which the
// screens show in the user's language; and a station's stock as the teller is warned of it.
import en from "@/lib/i18n/messages/en/common.json";
import type { SpoilReason } from "@/lib/vocabulary";

export const SPOIL_REASON_LABEL: Record<SpoilReason, string> = en.Vocab.spoilReason;

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
