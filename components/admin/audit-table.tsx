import type { AuditEntry } from "@/db/schema";

function Change({ label, value }: { label: string; value: Record<string, unknown> | null }) {
  if (!value || Object.keys(value).length === 0) return null;
  return (
    <div>
      <span className="font-semibold">{label}: </span>
      <code className="break-all font-mono text-xs">{JSON.stringify(value)}</code>
    </div>
  );
}

export function AuditTable({ entries, branchCode }: { entries: AuditEntry[]; branchCode: Map<string, string> }) {
  if (entries.length === 0) return <p className="text-slate-700">No entries match these filters. Widen the date range or clear a filter.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4">When (UTC)</th>
            <th scope="col" className="py-2 pr-4">Who</th>
            <th scope="col" className="py-2 pr-4">Action</th>
            <th scope="col" className="py-2 pr-4">Entity</th>
            <th scope="col" className="py-2 pr-4">Branch</th>
            <th scope="col" className="py-2 pr-4">Change</th>
            <th scope="col" className="py-2">Address</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-4 whitespace-nowrap">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="py-2 pr-4">
                {e.actorEmail ?? "System"}
                {e.actorRole ? <span className="block text-xs text-slate-700">{e.actorRole}</span> : null}
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{e.action}</td>
              <td className="py-2 pr-4">
                {e.entityType}
                {e.entityId ? <span className="block font-mono text-xs text-slate-700">{e.entityId}</span> : null}
              </td>
              <td className="py-2 pr-4">{e.branchId ? (branchCode.get(e.branchId) ?? "—") : "—"}</td>
              <td className="max-w-md py-2 pr-4">
                <Change label="Before" value={e.before ?? null} />
                <Change label="After" value={e.after ?? null} />
              </td>
              <td className="py-2 font-mono text-xs">{e.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
