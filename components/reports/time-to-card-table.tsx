import type { TimeToCardRow } from "@/db/queries/reports";
import { periodLabel } from "@/lib/reports/periods";
import type { ReportGrain } from "@/lib/validations/reports";
import { formatDuration } from "@/components/manager/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";

/** Median and 90th percentile per period: a table reads better than a chart for two figures a row. */
export function TimeToCardTable({
  rows,
  total,
  grain,
}: {
  rows: TimeToCardRow[];
  total: TimeToCardRow;
  grain: ReportGrain;
}) {
  return (
    <>
      <Table caption="Time to card per period" density="compact">
        <TableHeader>
          <TableRow>
            <TableHead>{grain === "week" ? "Week" : "Day"}</TableHead>
            <TableHead numeric>Cards produced</TableHead>
            <TableHead numeric>Median</TableHead>
            <TableHead numeric>90% within</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...rows, total].map((r) => (
            <TableRow key={r.period ?? "all"}>
              <TableRowHead className={r.period ? undefined : "font-semibold"}>
                {r.period ? periodLabel(r.period, grain) : "Whole range"}
              </TableRowHead>
              <TableCell numeric>{r.cards}</TableCell>
              <TableCell numeric>{formatDuration(r.medianSeconds)}</TableCell>
              <TableCell numeric>{formatDuration(r.p90Seconds)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="mt-2 text-sm text-slate-700">
        From the request to the card coming out: what the customer waits. A card that waited for D1 or at a station that
        was offline counts with its wait, so a high “90% within” beside a low median usually means a few cards waited.
        “—”: no card produced.
      </p>
    </>
  );
}
