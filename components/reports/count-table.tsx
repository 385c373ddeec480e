import type { Pivot } from "@/lib/reports/pivot";
import { periodLabel } from "@/lib/reports/periods";
import type { ReportGrain } from "@/lib/validations/reports";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { BarList } from "./bar-list";

/** One count per row and period, with totals: cards by teller, product or station, spoilage by reason. */
export function CountTable({
  table,
  grain,
  caption,
  rowHeading,
  unit,
  empty,
}: {
  table: Pivot;
  grain: ReportGrain;
  caption: string;
  rowHeading: string;
  unit: string;
  empty: string;
}) {
  if (table.rows.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <>
      <BarList items={table.rows.map((r) => ({ label: r.label, value: r.total }))} unit={unit} />
      {/* Many periods make it wider than its box: the scrolling box takes focus. The caption adds
          the grain, so the table's region is not named like the card around it. */}
      <Table
        caption={`${caption}, per ${grain}`}
        density="compact"
        keyboardScroll
        minWidth={table.periods.length > 4 ? "min-w-[40rem]" : undefined}
      >
        <TableHeader>
          <TableRow>
            <TableHead>{rowHeading}</TableHead>
            {table.periods.map((p) => (
              <TableHead key={p} numeric>
                {periodLabel(p, grain)}
              </TableHead>
            ))}
            <TableHead numeric>Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.key}>
              <TableRowHead>{r.label}</TableRowHead>
              {r.counts.map((n, i) => (
                <TableCell key={table.periods[i]} numeric>
                  {n}
                </TableCell>
              ))}
              <TableCell numeric className="font-semibold">
                {r.total}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableRowHead>All</TableRowHead>
            {table.totals.map((n, i) => (
              <TableCell key={table.periods[i]} numeric className="font-semibold">
                {n}
              </TableCell>
            ))}
            <TableCell numeric className="font-semibold">
              {table.total}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
}
