import { useTranslations } from "next-intl";
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
  const t = useTranslations("Stock");
  const places: Place[] = [
    { key: "vault", label: t("vault"), match: (b) => b.place === "vault" },
    ...stations.map((s) => ({
      key: s.id,
      label: s.label,
      match: (b: StockBalance) => b.place === "station" && b.stationId === s.id,
      threshold: s.lowStockThreshold,
    })),
    { key: "spoiled", label: t("spoiledPlace"), match: (b) => b.place === "spoiled" },
  ];
  const of = (place: Place, stockTypeId: string) =>
    balances.find((b) => b.stockTypeId === stockTypeId && place.match(b))?.balance ?? 0;
  if (stockTypes.length === 0) {
    return <p className="text-slate-700">{t("noStockTypes")}</p>;
  }
  return (
    <Table caption={t("balancesCaption")} minWidth="min-w-[32rem]">
      <TableHeader>
        <TableRow>
          <TableHead>{t("place")}</TableHead>
          {stockTypes.map((type) => (
            <TableHead key={type.id} className="text-right">
              {type.name}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {places.map((p) => (
          <TableRow key={p.key} data-testid={`balance-${p.key}`}>
            <TableCell>{p.label}</TableCell>
            {stockTypes.map((type) => {
              const n = of(p, type.id);
              const low = p.threshold !== undefined && n < p.threshold;
              return (
                <TableCell key={type.id} className="text-right tabular-nums">
                  <span data-testid={`balance-${p.key}-${type.id}`}>{n}</span>
                  {low ? <span className="ml-2 font-semibold text-amber-900">{t("lowMark")}</span> : null}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
