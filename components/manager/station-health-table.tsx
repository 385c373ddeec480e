"use client";

import { useTranslations } from "next-intl";
import type { StationHealth } from "@/lib/stations/health";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { Time } from "@/components/branch-time";
import { useDuration } from "./format";
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
  const t = useTranslations("Stations");
  const v = useTranslations("Vocab");
  const duration = useDuration();
  // Sorted by id, not by health or default: a row never jumps away from the pointer after an action.
  const rows = [...stations].sort((a, b) => a.persoStation.localeCompare(b.persoStation));
  if (stations.length === 0)
    return (
      <p className="text-slate-700">
        {t("none")} {canRegister ? t("registerFirst") : t("othersRegister")}
      </p>
    );
  return (
    <Table caption={t("caption")} minWidth="min-w-[64rem]" density="relaxed">
      <TableHeader>
        <TableRow>
          <TableHead>{t("station")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("lastCard")}</TableHead>
          <TableHead>{t("inQueue")}</TableHead>
          <TableHead>{t("median")}</TableHead>
          <TableHead>{t("exceptions")}</TableHead>
          <TableHead>{t("blankCards")}</TableHead>
          {canManage || canRegister ? (
            <TableHead>
              <span className="sr-only">{t("actions")}</span>
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
                {s.enabled ? t("enabled") : t("disabled")}
              </span>
              {!s.verifiedAt ? (
                <span className="mt-1 block text-sm font-semibold text-slate-900" data-testid="station-unverified">
                  {testProduct ? t("unverifiedPrint") : t("unverifiedConfirm")}
                </span>
              ) : null}
              {s.isDefault ? (
                <strong className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-brand-900">{t("default")}</strong>
              ) : null}
              {s.availability === "likely_unavailable" && s.lastProblem ? (
                <span className="mt-1 block font-semibold text-red-900" data-testid="station-unavailable">
                  <span aria-hidden>⚠ </span>
                  {t("likelyUnavailable", { problem: v(`problem.${s.lastProblem.kind}`) })}{" "}
                  <Time value={s.lastProblem.at} format="time" />
                  <span className="block text-xs font-normal text-slate-700">{t("clears")}</span>
                </span>
              ) : s.enabled ? (
                <span className="mt-1 block text-sm text-slate-700">{t("ready")}</span>
              ) : null}
            </TableCell>
            <TableCell>{s.lastSuccessAt ? <Time value={s.lastSuccessAt} format="dateTime" /> : t("never")}</TableCell>
            <TableCell>{s.queueDepth === 0 ? t("empty") : t("cards", { count: s.queueDepth })}</TableCell>
            <TableCell>
              {s.medianSeconds === null ? t("noCardsYet") : duration(s.medianSeconds)}
              {s.cardsLast24h ? (
                <span className="block text-xs text-slate-700">{t("over", { count: s.cardsLast24h })}</span>
              ) : null}
            </TableCell>
            <TableCell>
              {s.exceptionsLastHour.length === 0 ? (
                t("noExceptions")
              ) : (
                <ul className="space-y-0.5 text-red-900">
                  {s.exceptionsLastHour.map((e) => (
                    <li key={e.kind}>
                      <span aria-hidden>⚠ </span>
                      {e.count} × {v(`problem.${e.kind}`)}
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
            <TableCell data-testid="station-stock">
              {s.stock.length === 0 ? (
                <span className="font-semibold text-red-900">{t("noneLoaded")}</span>
              ) : (
                <ul className="space-y-0.5">
                  {s.stock.map((st) => (
                    <li
                      key={st.stockTypeId}
                      className={st.balance < s.lowStockThreshold ? "font-semibold text-amber-950" : ""}
                    >
                      {st.name}: <span className="tabular-nums">{st.balance}</span>
                      {st.balance <= 0 ? t("emptyNotOffered") : st.balance < s.lowStockThreshold ? t("low") : ""}
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
                <span className="block text-xs text-slate-700">
                  {t("warnsBelow", { threshold: s.lowStockThreshold })}
                </span>
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
