import Link from "next/link";
import type { BranchComparisonRow } from "@/db/queries/reports";
import { formatDuration } from "@/components/manager/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { BarList } from "./bar-list";

/** The admins' network view (A10): every branch over the same calendar days, each in its own zone. */
export function BranchComparison({ rows, query }: { rows: BranchComparisonRow[]; query: string }) {
  return (
    <>
      <BarList items={rows.map((r) => ({ label: `${r.name} (${r.code})`, value: r.issued }))} unit="cards" />
      <Table caption="All branches over the chosen days" density="compact" minWidth="min-w-[48rem]">
        <TableHeader>
          <TableRow>
            <TableHead>Branch</TableHead>
            <TableHead numeric>Cards produced</TableHead>
            <TableHead numeric>Exceptions</TableHead>
            <TableHead numeric>Still need action</TableHead>
            <TableHead numeric>Spoiled cards</TableHead>
            <TableHead numeric>Median time to card</TableHead>
            <TableHead numeric>90% within</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.branchId}>
              <TableRowHead>
                <Link href={`/manager/reports?${query}&branchId=${r.branchId}`} className="text-brand-700 underline">
                  {r.name} ({r.code})
                </Link>
                <span className="block text-xs text-slate-700">{r.timezone}</span>
              </TableRowHead>
              <TableCell numeric>{r.issued}</TableCell>
              <TableCell numeric>{r.exceptions}</TableCell>
              <TableCell numeric className={r.needsAction > 0 ? "font-semibold text-red-800" : undefined}>
                {r.needsAction}
              </TableCell>
              <TableCell numeric>{r.spoiled}</TableCell>
              <TableCell numeric>{formatDuration(r.medianSeconds)}</TableCell>
              <TableCell numeric>{formatDuration(r.p90Seconds)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
