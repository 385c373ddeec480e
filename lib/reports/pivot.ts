// A long list of (period, key, count) rows as a table: one row per teller, product, station or
// reason, one column per period, and totals. Pure: the page and the CSV use the same shape.

export type PivotRow = { key: string; label: string; counts: number[]; total: number };
export type Pivot = { periods: string[]; rows: PivotRow[]; totals: number[]; total: number };

export function pivot(rows: { period: string; key: string; label: string; count: number }[], periods: string[]): Pivot {
  const index = new Map(periods.map((p, i) => [p, i]));
  const byKey = new Map<string, PivotRow>();
  for (const r of rows) {
    const column = index.get(r.period);
    if (column === undefined) continue;
    let row = byKey.get(r.key);
    if (!row) byKey.set(r.key, (row = { key: r.key, label: r.label, counts: periods.map(() => 0), total: 0 }));
    row.counts[column]! += r.count;
    row.total += r.count;
  }
  const list = [...byKey.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const totals = periods.map((_, i) => list.reduce((n, r) => n + r.counts[i]!, 0));
  return { periods, rows: list, totals, total: totals.reduce((n, c) => n + c, 0) };
}
