import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LowStockStation } from "@/db/queries/stock";
import { Alert } from "@/components/ui/alert";

/** Stations running out of blank cards: shown on the board, updated with it. */
export function LowStock({ stations, canLoad }: { stations: LowStockStation[]; canLoad: boolean }) {
  const t = useTranslations("Board");
  if (stations.length === 0) return null;
  return (
    <section aria-labelledby="low-stock-heading">
      <Alert tone="warning">
        <h2 id="low-stock-heading" className="font-semibold">
          {t("lowStockHeading")}
        </h2>
        <ul className="mt-1 list-disc pl-5" data-testid="board-low-stock">
          {stations.map((s) => (
            <li key={`${s.stationId}-${s.stockTypeId}`}>
              {t("lowStockLine", { station: s.station, count: Math.max(0, s.balance), stockType: s.stockType })}
              {s.balance <= 0 ? t("lowStockNotOffered") : t("lowStockWarns", { threshold: s.threshold })}
            </li>
          ))}
        </ul>
        {canLoad ? (
          <p className="mt-1">
            <Link href="/manager/stock" className="underline">
              {t("loadStation")}
            </Link>
          </p>
        ) : null}
      </Alert>
    </section>
  );
}
