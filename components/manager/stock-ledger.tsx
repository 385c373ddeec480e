import Link from "next/link";
import type { LedgerEntry } from "@/db/queries/stock";
import { MOVEMENT_LABEL, PLACE_LABEL, SPOIL_REASON_LABEL } from "@/lib/stock/labels";
import { Time } from "@/components/branch-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** The branch's stock ledger, newest first: every row an auditor replays, with both names. */
export function StockLedger({ entries }: { entries: Array<Omit<LedgerEntry, "at"> & { at: Date | string }> }) {
  if (entries.length === 0) return <p className="text-slate-700">No stock movement yet.</p>;
  return (
    <Table caption="Stock movements, newest first" minWidth="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Movement</TableHead>
          <TableHead>Place</TableHead>
          <TableHead className="text-right">Cards</TableHead>
          <TableHead>Card stock</TableHead>
          <TableHead>Details</TableHead>
          <TableHead>By</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id}>
            <TableCell>
              <Time value={e.at} format="dateTime" />
            </TableCell>
            <TableCell>{MOVEMENT_LABEL[e.movement]}</TableCell>
            <TableCell>{e.station ?? PLACE_LABEL[e.place]}</TableCell>
            <TableCell className="text-right tabular-nums">{e.quantity > 0 ? `+${e.quantity}` : e.quantity}</TableCell>
            <TableCell>{e.stockType}</TableCell>
            <TableCell>
              {[
                e.spoilReason ? SPOIL_REASON_LABEL[e.spoilReason] : null,
                e.lot ? `Lot ${e.lot}` : null,
                e.supplierRef ? `Ref. ${e.supplierRef}` : null,
              ]
                .filter(Boolean)
                .join(" · ")}
              {e.jobId ? (
                <>
                  {" "}
                  <Link href={`/teller/jobs/${e.jobId}`} className="text-brand-700 underline">
                    card request
                  </Link>
                </>
              ) : null}
            </TableCell>
            <TableCell>
              {e.by ?? "System (D1)"}
              {e.secondBy ? ` and ${e.secondBy}` : ""}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
