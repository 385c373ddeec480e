import type { AccessLogEntry } from "@/db/queries/customer-access";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const SCREEN_LABEL: Record<AccessLogEntry["screen"], string> = {
  search: "Search results",
  customer_page: "Customer page",
};

export function AccessLogTable({
  entries,
  branchCode,
}: {
  entries: AccessLogEntry[];
  branchCode: Map<string, string>;
}) {
  if (entries.length === 0)
    return <p className="text-slate-700">No accesses match these filters. Widen the date range or clear a filter.</p>;
  return (
    <Table caption="Customer accesses, newest first" minWidth="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead>When (UTC)</TableHead>
          <TableHead>Who</TableHead>
          <TableHead>Branch</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead>Where</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="whitespace-nowrap">{e.at.toISOString().replace("T", " ").slice(0, 19)}</TableCell>
            <TableCell>{e.userEmail ?? e.userId}</TableCell>
            <TableCell>{e.branchId ? (branchCode.get(e.branchId) ?? "—") : "—"}</TableCell>
            <TableCell>
              {e.customerName ?? "Removed customer"}
              <span className="block font-mono text-xs text-slate-700">{e.customerNumber ?? e.customerId}</span>
            </TableCell>
            <TableCell>{SCREEN_LABEL[e.screen]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
