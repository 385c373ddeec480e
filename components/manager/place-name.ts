// Where blank cards are counted, in the user's language: the vault, a station (by its label) or
// the spoiled pile; lib/stock/end-of-day.ts's placeLabel() says it in English for the server.
import { useTranslations } from "next-intl";
import type { StockPlace } from "@/lib/vocabulary";

export function usePlaceName(): (p: { place: StockPlace; stationLabel: string | null }) => string {
  const t = useTranslations("EndOfDay.place");
  return (p) => (p.place === "station" ? (p.stationLabel ?? t("station")) : t(p.place));
}
