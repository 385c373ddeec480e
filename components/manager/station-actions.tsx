"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { clearStationProblemAction } from "@/lib/actions/manager/clear-station-problem";
import { setDefaultStationAction } from "@/lib/actions/manager/set-default-station";
import { moveStationRequestsAction } from "@/lib/actions/manager/move-station-requests";
import { setStationEnabledAction } from "@/lib/actions/manager/set-station-enabled";
import type { StationHealth } from "@/lib/stations/health";
import { Button } from "@/components/ui/button";
import { DisableStationWarning } from "./disable-station-warning";

const requests = (n: number) => (n === 1 ? "1 request" : `${n} requests`);

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
      `${station.label} is disabled. Tellers can no longer send cards to it.`,
    );

  // Moved first, so nothing waits at the station any more when it is disabled.
  const moveAndDisable = (toStationId: string) =>
    startTransition(async () => {
      const moved = await moveStationRequestsAction({ stationId: station.id, toStationId });
      if (!moved.ok) return setError(moved.message);
      const target = others.find((o) => o.id === toStationId)?.label ?? "the other station";
      const disabled = await setStationEnabledAction({ stationId: station.id, enabled: false, confirm: true });
      if (!disabled.ok) return setError(disabled.message);
      setError(null);
      setWarning(null);
      const failed =
        moved.data.failed > 0 ? ` ${moved.data.failed} could not be moved; open them from the Counter.` : "";
      onDone(`${station.label} is disabled. ${requests(moved.data.moved)} moved to ${target}.${failed}`);
    });

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {station.availability === "likely_unavailable" ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={`Problem solved: ${station.label}`}
            onClick={() =>
              run(
                () => clearStationProblemAction({ stationId: station.id }),
                `${station.label} is marked as working again.`,
              )
            }
          >
            Problem solved
          </Button>
        ) : null}
        {station.enabled && !station.isDefault ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={`Make default: ${station.label}`}
            onClick={() =>
              run(
                () => setDefaultStationAction({ stationId: station.id }),
                `${station.label} is now the default station.`,
              )
            }
          >
            Make default
          </Button>
        ) : null}
        {station.enabled ? (
          <Button
            variant="secondary"
            disabled={pending || station.isDefault}
            aria-label={`Disable: ${station.label}`}
            aria-describedby={station.isDefault ? `default-note-${station.id}` : undefined}
            onClick={() => disable(false)}
          >
            Disable
          </Button>
        ) : station.verifiedAt ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={`Enable: ${station.label}`}
            onClick={() =>
              run(
                () => setStationEnabledAction({ stationId: station.id, enabled: true }),
                `${station.label} is enabled.`,
              )
            }
          >
            Enable
          </Button>
        ) : null}
      </div>
      {station.enabled && station.isDefault ? (
        <p id={`default-note-${station.id}`} className="max-w-xs text-right text-xs text-slate-700">
          The default station cannot be disabled: make another station the default first.
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
