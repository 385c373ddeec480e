import Link from "next/link";
import type { LowStockStation } from "@/db/queries/stock";
import { Alert } from "@/components/ui/alert";
import { lowStockMessage } from "@/lib/stock/labels";

/** Stations running out of blank cards: shown on the board, updated with it. */
export function LowStock({ stations, canLoad }: { stations: LowStockStation[]; canLoad: boolean }) {
  if (stations.length === 0) return null;
  return (
    <section aria-labelledby="low-stock-heading">
      <Alert tone="warning">
        <h2 id="low-stock-heading" className="font-semibold">
          Stations low on blank cards
        </h2>
        <ul className="mt-1 list-disc pl-5" data-testid="board-low-stock">
          {stations.map((s) => (
            <li key={`${s.stationId}-${s.stockTypeId}`}>
              {s.station}: {lowStockMessage(s.balance)} ({s.stockType})
              {s.balance <= 0 ? " (not offered to tellers)" : ` (warns below ${s.threshold})`}
            </li>
          ))}
        </ul>
        {canLoad ? (
          <p className="mt-1">
            <Link href="/manager/stock" className="underline">
              Load a station
            </Link>
          </p>
        ) : null}
      </Alert>
    </section>
  );
}
