import type { NamedAuditEntry } from "@/db/queries/audit";
import { auditActionLabel } from "@/lib/audit-actions";
import { auditChanges, type NameOf } from "@/lib/audit-diff";
import { DEFAULT_TIME_ZONE, formatDate, formatTimeWithSeconds } from "@/lib/datetime";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const ENTITY_WORDS: Record<string, string> = {
  branch: "Branch",
  station: "Station",
  card_product: "Card product",
  user: "User",
  issuance_job: "Card request",
  sso_group: "SSO group",
};

/** "field: before → after" for each changed field; nothing for an entry that changed no field. */
function Changes({ entry, nameOf }: { entry: NamedAuditEntry; nameOf: NameOf }) {
  const changes = auditChanges(entry.before, entry.after, nameOf);
  if (changes.length === 0) return null;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="font-semibold">{c.field}:</span> <span className="[overflow-wrap:anywhere]">{c.before}</span>{" "}
          <span aria-label="changed to">→</span> <span className="[overflow-wrap:anywhere]">{c.after}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * `timeZone`: the branch's for a branch's log; the bank-wide log stays in UTC. `branchName`
 * names branch ids inside the changes (a user's branch, a product's branches).
 */
export function AuditTable({
  entries,
  branchName,
  timeZone = DEFAULT_TIME_ZONE,
}: {
  entries: NamedAuditEntry[];
  branchName: Map<string, string>;
  timeZone?: string;
}) {
  if (entries.length === 0)
    return <p className="text-slate-700">No entries match these filters. Widen the date range or clear a filter.</p>;
  const nameOf: NameOf = (id) => branchName.get(id);
  return (
    <Table caption="Audit log entries, newest first" minWidth="min-w-[52rem]" keyboardScroll>
      <TableHeader>
        <TableRow>
          <TableHead>When ({timeZone})</TableHead>
          <TableHead>Who</TableHead>
          <TableHead>What</TableHead>
          <TableHead>About</TableHead>
          <TableHead>Branch</TableHead>
          <TableHead>Changes</TableHead>
          <TableHead>Address</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} className="align-top">
            <TableCell className="whitespace-nowrap">{`${formatDate(e.at, timeZone)} ${formatTimeWithSeconds(e.at, timeZone)}`}</TableCell>
            <TableCell>
              {e.actorName ?? e.actorEmail ?? "System"}
              {e.actorName && e.actorEmail ? (
                <span className="block text-xs text-slate-700">{e.actorEmail}</span>
              ) : null}
              {e.actorRole ? <span className="block text-xs text-slate-700">{e.actorRole}</span> : null}
            </TableCell>
            <TableCell>
              {auditActionLabel(e.action)}
              <span className="block font-mono text-xs text-slate-700">{e.action}</span>
            </TableCell>
            <TableCell>
              <span className="block text-xs text-slate-700">{ENTITY_WORDS[e.entityType] ?? e.entityType}</span>
              {e.entityName ??
                (e.entityId ? <span className="font-mono text-xs [overflow-wrap:anywhere]">{e.entityId}</span> : null)}
            </TableCell>
            <TableCell>{e.branchName ?? "—"}</TableCell>
            <TableCell className="max-w-md text-sm">
              <Changes entry={e} nameOf={nameOf} />
            </TableCell>
            <TableCell className="font-mono text-xs">{e.ip ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
