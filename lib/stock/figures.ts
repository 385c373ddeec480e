// The stock page's figures (balances per place, the latest ledger rows) as one JSON object: what
// the page renders first and what its live query refetches when the branch's stock changes.
import "server-only";
import { db } from "@/db";
import { branchBalances, listLedger, type LedgerEntry, type StockBalance } from "@/db/queries/stock";

export type StockFigures = {
  branchId: string;
  balances: StockBalance[];
  ledger: Array<Omit<LedgerEntry, "at"> & { at: string }>;
  at: string;
};

export async function loadStockFigures(branchId: string): Promise<StockFigures> {
  const [balances, ledger] = await Promise.all([
    branchBalances({ db, branchId }),
    listLedger({ db, branchId, limit: 100 }),
  ]);
  const figures = { branchId, balances, ledger, at: new Date().toISOString() };
  return JSON.parse(JSON.stringify(figures)) as StockFigures;
}
