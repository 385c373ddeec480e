"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { clearStationProblemAction } from "@/lib/actions/manager/clear-station-problem";
import { setDefaultStationAction } from "@/lib/actions/manager/set-default-station";
import { setStationEnabledAction } from "@/lib/actions/manager/set-station-enabled";
import type { StationHealth } from "@/lib/stations/health";
import { Button } from "@/components/ui/button";

type Props = { station: StationHealth; onDone: (message: string) => void };

/** Problem solved, make default, enable, disable — with a second step when cards are still in progress. */
export function StationActions({ station, onDone }: Props) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
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
      } else {
        setError(result.message);
      }
    });

  const disable = (confirm: boolean) =>
    run(
      () => setStationEnabledAction({ stationId: station.id, enabled: false, confirm }),
      `${station.label} is disabled. Tellers can no longer send cards to it.`,
    );

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {station.availability === "likely_unavailable" ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={`Problem solved at ${station.label}`}
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
            aria-label={`Make ${station.label} the default station`}
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
            aria-label={`Disable ${station.label}`}
            onClick={() => disable(false)}
            title={station.isDefault ? "Make another station the default before disabling this one." : undefined}
          >
            Disable
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={`Enable ${station.label}`}
            onClick={() =>
              run(
                () => setStationEnabledAction({ stationId: station.id, enabled: true }),
                `${station.label} is enabled.`,
              )
            }
          >
            Enable
          </Button>
        )}
      </div>
      {warning ? (
        <div
          role="alert"
          className="max-w-sm rounded-md border border-amber-400 bg-amber-50 p-3 text-left text-sm text-amber-950"
        >
          <p>
            <strong>Warning: </strong>
            {warning}
          </p>
          <div className="mt-2 flex gap-2">
            <Button ref={confirmRef} variant="danger" disabled={pending} onClick={() => disable(true)}>
              Disable anyway
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setWarning(null)}>
              Keep it enabled
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-sm text-right text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
