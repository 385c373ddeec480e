"use client";

import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useState, useTransition } from "react";
import type { StationPick } from "@/lib/stations/health";
import { closeJobAction } from "@/lib/actions/teller/close-job";
import { retryJobAction } from "@/lib/actions/teller/retry-job";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Select } from "@/components/ui/select";
import { useStationHealth, useStationStatus } from "./station-health";

const field = fieldNames<typeof retryJobAction>();

/** The branch's enabled stations with their health (db/queries/station-health.ts). */
export type RetryStation = StationPick;

/**
 * After a failure: print the same card again (once), preferably on another station, or cancel
 * it for good. Healthy stations come first; a station likely unavailable says why; the station
 * that failed is offered last, says so, and needs the teller's confirmation that its problem is
 * solved (the server checks that too). The health follows the live channel.
 */
export function RecoveryActions({
  jobId,
  failedStationId,
  stations,
  canCancel = true,
}: {
  jobId: string;
  failedStationId: string;
  stations: RetryStation[];
  /** A spoiled produced card is only issued again: there is no request left to cancel. */
  canCancel?: boolean;
}) {
  const queryClient = useQueryClient();
  const [state, retry, retrying] = useActionState(retryJobAction, null);
  const [closing, startClosing] = useTransition();
  const [closeError, setCloseError] = useState<string | null>(null);
  const [askCancel, setAskCancel] = useState(false);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const stationStatus = useStationStatus();
  const t = useTranslations("Recovery");
  const current = useStationHealth(stations);
  const ordered = [
    ...current.filter((s) => s.id !== failedStationId),
    ...current.filter((s) => s.id === failedStationId),
  ];
  // Uncontrolled (a choice made before hydration stays); the state only decides on the checkbox.
  const [selected, setSelected] = useState(ordered[0]?.id ?? "");
  const sameStation = selected === failedStationId || Boolean(errors?.confirmSameStation);
  const cancel = () =>
    startClosing(async () => {
      const result = await closeJobAction({ jobId });
      setCloseError(result.ok ? null : result.message);
      setAskCancel(false);
      await queryClient.invalidateQueries({ queryKey: ["job", jobId] });
    });
  return (
    <Card title={t("title")} headingId="recover-heading">
      {state && !state.ok && !errors ? (
        <Alert tone="error" live>
          {state.message}
        </Alert>
      ) : null}
      {ordered.length === 0 ? (
        <p className="mt-2">{t("noStation")}</p>
      ) : (
        <form action={retry} className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name={field("jobId")} value={jobId} />
          <Field
            id="retry-station"
            label={t("retryOn")}
            errors={errors?.stationId}
            className="min-w-0 basis-full"
            hint={(() => {
              const chosen = ordered.find((s) => s.id === selected);
              if (!chosen) return undefined;
              const failedHere = chosen.id === failedStationId ? `${t("failedHere")} ` : "";
              return <span data-testid="retry-station-status">{failedHere + stationStatus(chosen).long}</span>;
            })()}
          >
            {(control) => (
              <Select
                {...control}
                name={field("stationId")}
                defaultValue={selected}
                onChange={(e) => setSelected(e.target.value)}
              >
                {ordered.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                    {s.id === failedStationId ? t("whereFailed") : ""} · {stationStatus(s).short}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {sameStation ? (
            <div className="basis-full">
              <Checkbox
                id="retry-confirm-same"
                name={field("confirmSameStation")}
                value="true"
                label={t("confirmSame")}
                aria-invalid={Boolean(errors?.confirmSameStation)}
                aria-describedby="retry-confirm-same-error"
              />
              <FieldError id="retry-confirm-same-error" errors={errors?.confirmSameStation} />
            </div>
          ) : null}
          <Button type="submit" disabled={retrying}>
            {retrying ? t("sending") : t("retry")}
          </Button>
        </form>
      )}
      {canCancel ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          {askCancel ? (
            <div role="group" aria-labelledby="cancel-question" className="space-y-2">
              <p id="cancel-question" className="font-semibold">
                {t("cancelQuestion")}
              </p>
              <div className="flex flex-wrap gap-3">
                <Button variant="secondary" disabled={closing} onClick={cancel} autoFocus>
                  {closing ? t("canceling") : t("cancelYes")}
                </Button>
                <Button variant="secondary" disabled={closing} onClick={() => setAskCancel(false)}>
                  {t("keep")}
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setAskCancel(true)}>
              {t("cancel")}
            </Button>
          )}
          {closeError ? (
            <p role="alert" className="mt-2 text-sm text-red-800">
              {closeError}
            </p>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
