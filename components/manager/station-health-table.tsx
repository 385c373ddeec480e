"use client";

import type { StationHealth } from "@/db/queries/station-health";
import { formatDateTime, formatDuration, reasonLabel } from "./format";
import { StationActions } from "./station-actions";

const th = "py-2 pr-4 align-bottom font-semibold";
const td = "py-3 pr-4 align-top";

/** Stations with their health; status is always said in words, never by colour alone. */
export function StationHealthTable({ stations, canManage, onDone }: { stations: StationHealth[]; canManage: boolean; onDone: (m: string) => void }) {
  if (stations.length === 0) return <p className="text-slate-700">This branch has no personalization station yet. Register the first one below.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">Personalization stations and their health</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className={th}>Station</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Last card produced</th>
            <th scope="col" className={th}>In queue</th>
            <th scope="col" className={th}>Median time to card (24 h)</th>
            <th scope="col" className={th}>Exceptions, last hour</th>
            {canManage ? <th scope="col" className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {stations.map((s) => (
            <tr key={s.id} className="border-b border-slate-100" data-testid={`station-${s.persoStation}`}>
              <th scope="row" className={`${td} font-normal`}>
                <span className="block font-semibold">{s.label}</span>
                <span className="block font-mono text-xs text-slate-700">{s.persoStation}</span>
                {s.location ? <span className="block text-xs text-slate-700">{s.location}</span> : null}
              </th>
              <td className={td}>
                <span className={s.enabled ? "text-slate-900" : "font-semibold text-red-800"}>{s.enabled ? "Enabled" : "Disabled"}</span>
                {s.isDefault ? <strong className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-brand-900">Default</strong> : null}
              </td>
              <td className={td}>{formatDateTime(s.lastSuccessAt)}</td>
              <td className={td}>{s.queueDepth === 0 ? "Empty" : `${s.queueDepth} ${s.queueDepth === 1 ? "card" : "cards"}`}</td>
              <td className={td}>
                {s.medianSeconds === null ? "No cards yet" : formatDuration(s.medianSeconds)}
                {s.cardsLast24h ? <span className="block text-xs text-slate-700">over {s.cardsLast24h} {s.cardsLast24h === 1 ? "card" : "cards"}</span> : null}
              </td>
              <td className={td}>
                {s.exceptionsLastHour.length === 0 ? (
                  "None"
                ) : (
                  <ul className="space-y-0.5 text-red-900">
                    {s.exceptionsLastHour.map((e) => (
                      <li key={e.reason}>
                        <span aria-hidden>⚠ </span>
                        {e.count} × {reasonLabel(e.reason)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {canManage ? (
                <td className={`${td} text-right`}>
                  <StationActions station={s} onDone={onDone} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
