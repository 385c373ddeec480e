"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { clearStationProblemAction } from "@/lib/actions/manager/clear-station-problem";
import { setDefaultStationAction } from "@/lib/actions/manager/set-default-station";
import { moveStationRequestsAction } from "@/lib/actions/manager/move-station-requests";
import { setStationEnabledAction } from "@/lib/actions/manager/set-station-enabled";
import type { StationHealth } from "@/lib/stations/health";
import { Button } from "@/components/ui/button";
import { DisableStationWarning } from "./disable-station-warning";

type Props = {
  station: StationHealth;
  /** The branch's other enabled stations: where waiting requests can be moved. */
  others?: Pick<StationHealth, "id" | "label">[];
  onDone: (message: string) => void;
};

/**
 * Problem solved, make default, enable, disable — with a second step when requests are still
 * waiting: it lists them and offers to move them to another station before disabling (no card
 * then prints there).
 */
export function StationActions({ station, others = [], onDone }: Props) {
  const t = useTranslations("Stations");
  const label = station.label;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<string[]>([]);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (warning) confirmRef.current?.focus();
  }, [warning]);

  const run = (
    call: () =>
      | ReturnType<typeof setStationEnabledAction>
      | ReturnType<typeof setDefaultStationAction>
      | ReturnType<typeof clearStationProblemAction>,
    success: string,
  ) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setError(null);
        setWarning(null);
        onDone(success);
      } else if (result.fieldErrors?.confirm) {
        setWarning(result.fieldErrors.confirm[0] ?? result.message);
        setWaiting(result.fieldErrors.waiting ?? []);
      } else {
        setError(result.message);
      }
    });

  const disable = (confirm: boolean) =>
    run(
      () => setStationEnabledAction({ stationId: station.id, enabled: false, confirm }),
      t("disabledDone", { label }),
    );

  // Moved first, so nothing waits at the station any more when it is disabled.
  const moveAndDisable = (toStationId: string) =>
    startTransition(async () => {
      const moved = await moveStationRequestsAction({ stationId: station.id, toStationId });
      if (!moved.ok) return setError(moved.message);
      const target = others.find((o) => o.id === toStationId)?.label ?? t("otherStation");
      const disabled = await setStationEnabledAction({ stationId: station.id, enabled: false, confirm: true });
      if (!disabled.ok) return setError(disabled.message);
      setError(null);
      setWarning(null);
      const failed = moved.data.failed > 0 ? ` ${t("notMoved", { count: moved.data.failed })}` : "";
      onDone(`${t("movedDone", { label, count: moved.data.moved, target })}${failed}`);
    });

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {station.availability === "likely_unavailable" ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={t("solvedLabel", { label })}
            onClick={() => run(() => clearStationProblemAction({ stationId: station.id }), t("solvedDone", { label }))}
          >
            {t("solved")}
          </Button>
        ) : null}
        {station.enabled && !station.isDefault ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={t("makeDefaultLabel", { label })}
            onClick={() => run(() => setDefaultStationAction({ stationId: station.id }), t("defaultDone", { label }))}
          >
            {t("makeDefault")}
          </Button>
        ) : null}
        {station.enabled ? (
          <Button
            variant="secondary"
            disabled={pending || station.isDefault}
            aria-label={t("disableLabel", { label })}
            aria-describedby={station.isDefault ? `default-note-${station.id}` : undefined}
            onClick={() => disable(false)}
          >
            {t("disable")}
          </Button>
        ) : station.verifiedAt ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={t("enableLabel", { label })}
            onClick={() =>
              run(() => setStationEnabledAction({ stationId: station.id, enabled: true }), t("enabledDone", { label }))
            }
          >
            {t("enable")}
          </Button>
        ) : null}
      </div>
      {station.enabled && station.isDefault ? (
        <p id={`default-note-${station.id}`} className="max-w-xs text-right text-xs text-slate-700">
          {t("defaultNote")}
        </p>
      ) : null}
      {warning ? (
        <DisableStationWarning
          warning={warning}
          waiting={waiting}
          others={others}
          pending={pending}
          confirmRef={confirmRef}
          onDisable={() => disable(true)}
          onMove={moveAndDisable}
          onKeep={() => setWarning(null)}
        />
      ) : null}
      {error ? (
        <p role="alert" className="max-w-sm text-right text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
