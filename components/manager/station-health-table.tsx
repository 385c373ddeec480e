"use client";

import type { StationHealth } from "@/lib/stations/health";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { Time } from "@/components/branch-time";
import { formatDuration } from "./format";
import { LowStockThresholdForm } from "./low-stock-threshold-form";
import { StationActions } from "./station-actions";
import { StationSetupActions } from "./station-setup-actions";

/** Stations with their health; status is always said in words, never by colour alone. */
export function StationHealthTable({
  stations,
  canManage,
  canRegister,
  testProduct,
  onDone,
}: {
  stations: StationHealth[];
  /** The branch's manager: enable, disable, default. */
  canManage: boolean;
  /** The manager or an admin: register, confirm the test card, rename, delete an unused one. */
  canRegister: boolean;
  /** The bank's test product, printed through D1 to verify a new station; null: confirmed by hand. */
  testProduct: { name: string } | null;
  onDone: (m: string) => void;
}) {
  // Sorted by id, not by health or default: a row never jumps away from the pointer after an action.
  const rows = [...stations].sort((a, b) => a.persoStation.localeCompare(b.persoStation));
  if (stations.length === 0)
    return (
      <p className="text-slate-700">
        This branch has no personalization station yet.
        {canRegister ? " Register the first one below." : " The branch manager or an admin registers them."}
      </p>
    );
  return (
    <Table caption="Personalization stations and their health" minWidth="min-w-[64rem]" density="relaxed">
      <TableHeader>
        <TableRow>
          <TableHead>Station</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Last card produced</TableHead>
          <TableHead>In queue</TableHead>
          <TableHead>Median time to card (24 h)</TableHead>
          <TableHead>Exceptions, last hour</TableHead>
          <TableHead>Blank cards</TableHead>
          {canManage || canRegister ? (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((s) => (
          <TableRow key={s.id} className="align-top" data-testid={`station-${s.persoStation}`}>
            <TableRowHead>
              <span className="block font-semibold">{s.label}</span>
              <span className="block font-mono text-xs text-slate-700">{s.persoStation}</span>
              {s.location ? <span className="block text-xs text-slate-700">{s.location}</span> : null}
            </TableRowHead>
            <TableCell>
              <span className={s.enabled ? "text-slate-900" : "font-semibold text-red-800"}>
                {s.enabled ? "Enabled" : "Disabled"}
              </span>
              {!s.verifiedAt ? (
                <span className="mt-1 block text-sm font-semibold text-slate-900" data-testid="station-unverified">
                  {testProduct
                    ? "Not verified yet: print a test card through D1; the station is verified when it comes out."
                    : "Not verified yet: print a test card, then confirm it here to be able to enable it."}
                </span>
              ) : null}
              {s.isDefault ? (
                <strong className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-brand-900">Default</strong>
              ) : null}
              {s.availability === "likely_unavailable" && s.lastProblem ? (
                <span className="mt-1 block font-semibold text-red-900" data-testid="station-unavailable">
                  <span aria-hidden>⚠ </span>Likely unavailable: {s.lastProblem.label} at{" "}
                  <Time value={s.lastProblem.at} format="time" />
                  <span className="block text-xs font-normal text-slate-700">
                    Clears when a card succeeds there, or when you mark the problem solved.
                  </span>
                </span>
              ) : s.enabled ? (
                <span className="mt-1 block text-sm text-slate-700">Ready</span>
              ) : null}
            </TableCell>
            <TableCell>{s.lastSuccessAt ? <Time value={s.lastSuccessAt} format="dateTime" /> : "Never"}</TableCell>
            <TableCell>
              {s.queueDepth === 0 ? "Empty" : `${s.queueDepth} ${s.queueDepth === 1 ? "card" : "cards"}`}
            </TableCell>
            <TableCell>
              {s.medianSeconds === null ? "No cards yet" : formatDuration(s.medianSeconds)}
              {s.cardsLast24h ? (
                <span className="block text-xs text-slate-700">
                  over {s.cardsLast24h} {s.cardsLast24h === 1 ? "card" : "cards"}
                </span>
              ) : null}
            </TableCell>
            <TableCell>
              {s.exceptionsLastHour.length === 0 ? (
                "None"
              ) : (
                <ul className="space-y-0.5 text-red-900">
                  {s.exceptionsLastHour.map((e) => (
                    <li key={e.reason}>
                      <span aria-hidden>⚠ </span>
                      {e.count} × {e.reason}
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
            <TableCell data-testid="station-stock">
              {s.stock.length === 0 ? (
                <span className="font-semibold text-red-900">None loaded</span>
              ) : (
                <ul className="space-y-0.5">
                  {s.stock.map((t) => (
                    <li
                      key={t.stockTypeId}
                      className={t.balance < s.lowStockThreshold ? "font-semibold text-amber-950" : ""}
                    >
                      {t.name}: <span className="tabular-nums">{t.balance}</span>
                      {t.balance <= 0 ? " · empty, not offered" : t.balance < s.lowStockThreshold ? " · low" : ""}
                    </li>
                  ))}
                </ul>
              )}
              {canManage ? (
                <LowStockThresholdForm
                  stationId={s.id}
                  stationLabel={s.label}
                  threshold={s.lowStockThreshold}
                  onDone={onDone}
                />
              ) : (
                <span className="block text-xs text-slate-700">Warns below {s.lowStockThreshold}</span>
              )}
            </TableCell>
            {canManage || canRegister ? (
              <TableCell className="space-y-2 text-right">
                {canManage ? (
                  <StationActions
                    station={s}
                    others={stations.filter((o) => o.enabled && o.id !== s.id)}
                    onDone={onDone}
                  />
                ) : null}
                {canRegister ? <StationSetupActions station={s} testProduct={testProduct} onDone={onDone} /> : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
