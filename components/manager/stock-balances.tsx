import type { StockBalance } from "@/db/queries/stock";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Place = { key: string; label: string; match: (b: StockBalance) => boolean; threshold?: number };

/**
 * Blank cards per place (the vault, each station, the spoiled pile) and per stock type: every
 * figure is the sum of the ledger below. A station under its threshold is marked in words.
 */
export function StockBalances({
  balances,
  stockTypes,
  stations,
}: {
  balances: StockBalance[];
  stockTypes: Array<{ id: string; name: string }>;
  stations: Array<{ id: string; label: string; lowStockThreshold: number }>;
}) {
  const places: Place[] = [
    { key: "vault", label: "Vault", match: (b) => b.place === "vault" },
    ...stations.map((s) => ({
      key: s.id,
      label: s.label,
      match: (b: StockBalance) => b.place === "station" && b.stationId === s.id,
      threshold: s.lowStockThreshold,
    })),
    { key: "spoiled", label: "Spoiled (kept apart until destroyed)", match: (b) => b.place === "spoiled" },
  ];
  const of = (place: Place, stockTypeId: string) =>
    balances.find((b) => b.stockTypeId === stockTypeId && place.match(b))?.balance ?? 0;
  if (stockTypes.length === 0) {
    return <p className="text-slate-700">No card stock is defined yet. An admin adds stock types.</p>;
  }
  return (
    <Table caption="Blank cards by place and card stock" minWidth="min-w-[32rem]">
      <TableHeader>
        <TableRow>
          <TableHead>Place</TableHead>
          {stockTypes.map((t) => (
            <TableHead key={t.id} className="text-right">
              {t.name}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {places.map((p) => (
          <TableRow key={p.key} data-testid={`balance-${p.key}`}>
            <TableCell>{p.label}</TableCell>
            {stockTypes.map((t) => {
              const n = of(p, t.id);
              const low = p.threshold !== undefined && n < p.threshold;
              return (
                <TableCell key={t.id} className="text-right tabular-nums">
                  <span data-testid={`balance-${p.key}-${t.id}`}>{n}</span>
                  {low ? <span className="ml-2 font-semibold text-amber-900">low</span> : null}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
