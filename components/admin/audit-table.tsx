import type { AuditEntry } from "@/db/schema";
import { DEFAULT_TIME_ZONE, formatDate, formatTimeWithSeconds } from "@/lib/datetime";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

function Change({ label, value }: { label: string; value: Record<string, unknown> | null }) {
  if (!value || Object.keys(value).length === 0) return null;
  return (
    <div>
      <span className="font-semibold">{label}: </span>
      <code className="font-mono text-xs break-all">{JSON.stringify(value)}</code>
    </div>
  );
}

/** `timeZone`: the branch's for a branch's log; the bank-wide log stays in UTC. */
export function AuditTable({
  entries,
  branchCode,
  timeZone = DEFAULT_TIME_ZONE,
}: {
  entries: AuditEntry[];
  branchCode: Map<string, string>;
  timeZone?: string;
}) {
  if (entries.length === 0)
    return <p className="text-slate-700">No entries match these filters. Widen the date range or clear a filter.</p>;
  return (
    <Table caption="Audit log entries, newest first" minWidth="min-w-[60rem]">
      <TableHeader>
        <TableRow>
          <TableHead>When ({timeZone})</TableHead>
          <TableHead>Who</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Entity</TableHead>
          <TableHead>Branch</TableHead>
          <TableHead>Change</TableHead>
          <TableHead>Address</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} className="align-top">
            <TableCell className="whitespace-nowrap">{`${formatDate(e.at, timeZone)} ${formatTimeWithSeconds(e.at, timeZone)}`}</TableCell>
            <TableCell>
              {e.actorEmail ?? "System"}
              {e.actorRole ? <span className="block text-xs text-slate-700">{e.actorRole}</span> : null}
            </TableCell>
            <TableCell className="font-mono text-xs">{e.action}</TableCell>
            <TableCell>
              {e.entityType}
              {e.entityId ? <span className="block font-mono text-xs text-slate-700">{e.entityId}</span> : null}
            </TableCell>
            <TableCell>{e.branchId ? (branchCode.get(e.branchId) ?? "—") : "—"}</TableCell>
            <TableCell className="max-w-md">
              <Change label="Before" value={e.before ?? null} />
              <Change label="After" value={e.after ?? null} />
            </TableCell>
            <TableCell className="font-mono text-xs">{e.ip ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
