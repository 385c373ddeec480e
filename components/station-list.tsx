import type { Station } from "@/db/schema";
import { MakeDefaultButton } from "@/components/make-default-button";

/** The branch's stations; managers get a control to choose the default. */
export function StationList({ stations, canManage }: { stations: Station[]; canManage: boolean }) {
  if (stations.length === 0) {
    return <p className="text-slate-700">This branch has no personalization station yet.</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Personalization stations</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-4">Station</th>
          <th scope="col" className="py-2 pr-4">Location</th>
          <th scope="col" className="py-2 pr-4">Status</th>
          {canManage ? <th scope="col" className="py-2"><span className="sr-only">Actions</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {stations.map((s) => (
          <tr key={s.id} className="border-b border-slate-100">
            <td className="py-2 pr-4">
              <span className="font-medium">{s.label}</span>{" "}
              <span className="font-mono text-xs text-slate-600">{s.persoStation}</span>
            </td>
            <td className="py-2 pr-4">{s.location}</td>
            <td className="py-2 pr-4">
              {s.enabled ? "Enabled" : "Disabled"}
              {s.isDefault ? <strong className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-brand-900">Default</strong> : null}
            </td>
            {canManage ? (
              <td className="py-2 text-right">
                {!s.isDefault && s.enabled ? <MakeDefaultButton stationId={s.id} label={s.label} /> : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
