// The end-of-day count's rules in words and dates, shared by the screen, the actions and the CSV.
// No server imports: the count form (a client component) uses the labels too.
//
// Which day a count closes: the day it is entered for, chosen on the form from the branch's today
// and yesterday (its own time zone). A count of yesterday entered after midnight closes yesterday
// with yesterday's movements only, and is refused once stock has moved at that place today (the
// people would count cards that are no longer yesterday's). One count per day and place: a second
// one is refused; a wrong count is not replaced but explained, so the record stays as signed.
import { STOCK_MOVEMENTS, type StockMovement, type StockPlace } from "@/lib/vocabulary";

/** The breakdown's lines in ledger order (the screens' words are Vocab.stockMovement). */
export const MOVEMENT_ORDER: readonly StockMovement[] = STOCK_MOVEMENTS;

/** "Vault", the station's label, or "Spoiled cards" (kept apart until destroyed). */
export function placeLabel(p: { place: StockPlace; stationLabel: string | null }): string {
  if (p.place === "vault") return "Vault";
  if (p.place === "spoiled") return "Spoiled cards";
  return p.stationLabel ?? "Station";
}

/** The calendar date before `date` (YYYY-MM-DD). */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The days a count may be entered for: today, and yesterday for a count after midnight. */
export function countableDays(today: string): [string, string] {
  return [today, previousDate(today)];
}

/** +5, −3, 0: how a signed movement reads. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${-n}`;
  return "0";
}
