import { useFormatter, useTranslations } from "next-intl";
import type { Pivot } from "@/lib/reports/pivot";
import type { ReportGrain } from "@/lib/validations/reports";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { BarList } from "./bar-list";
import { usePeriodLabel } from "./period-label";

/**
 * One count of cards per row and period, with totals: cards by teller, product or station,
 * spoilage by reason. `rowLabel`: a row's name in the user's language where the row is a
 * vocabulary word (a spoil reason), else the row's own label (a name).
 */
export function CountTable({
  table,
  grain,
  caption,
  rowHeading,
  empty,
  rowLabel = (row) => row.label,
}: {
  table: Pivot;
  grain: ReportGrain;
  caption: string;
  rowHeading: string;
  empty: string;
  rowLabel?: (row: { key: string; label: string }) => string;
}) {
  const t = useTranslations("Reports");
  const periodLabel = usePeriodLabel();
  // Counts in the user's language (1,234 / 1.234).
  const { number } = useFormatter();
  if (table.rows.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <>
      <BarList items={table.rows.map((r) => ({ label: rowLabel(r), value: r.total }))} />
      {/* Many periods make it wider than its box: the scrolling box takes focus. The caption adds
          the grain, so the table's region is not named like the card around it. */}
      <Table
        caption={t(grain === "week" ? "perWeek" : "perDay", { caption })}
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
            <TableHead numeric>{t("total")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.key}>
              <TableRowHead>{rowLabel(r)}</TableRowHead>
              {r.counts.map((n, i) => (
                <TableCell key={table.periods[i]} numeric>
                  {number(n)}
                </TableCell>
              ))}
              <TableCell numeric className="font-semibold">
                {number(r.total)}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableRowHead>{t("all")}</TableRowHead>
            {table.totals.map((n, i) => (
              <TableCell key={table.periods[i]} numeric className="font-semibold">
                {number(n)}
              </TableCell>
            ))}
            <TableCell numeric className="font-semibold">
              {number(table.total)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
}
