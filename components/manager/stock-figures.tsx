"use client";

// The stock page's balances and ledger inside a LiveEvents channel: a movement or a count by
// anyone at the branch (another manager's load, a jam at a station) refetches them at once.
import { useQuery } from "@tanstack/react-query";
import type { StockFigures } from "@/lib/stock/figures";
import { liveMeta } from "@/components/live/live-query";
import { fetchJson } from "./fetch-json";
import { StockBalances } from "./stock-balances";
import { StockLedger } from "./stock-ledger";

function useStockFigures(initial: StockFigures): StockFigures {
  const { data } = useQuery({
    queryKey: ["stock-figures", initial.branchId],
    queryFn: () => fetchJson<StockFigures>(`/api/manager/stock?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    // Every movement, a produced card's too, arrives as a stock change; job events add nothing here.
    meta: liveMeta<StockFigures>({ refetch: () => false, stock: true }),
  });
  return data;
}

export function LiveStockBalances({
  initial,
  ...props
}: { initial: StockFigures } & Omit<Parameters<typeof StockBalances>[0], "balances">) {
  return <StockBalances balances={useStockFigures(initial).balances} {...props} />;
}

export function LiveStockLedger({ initial }: { initial: StockFigures }) {
  return <StockLedger entries={useStockFigures(initial).ledger} />;
}
