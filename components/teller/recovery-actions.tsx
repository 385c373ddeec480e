"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useState, useTransition } from "react";
import { closeJobAction } from "@/lib/actions/teller/close-job";
import { retryJobAction } from "@/lib/actions/teller/retry-job";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

const field = fieldNames<typeof retryJobAction>();

export type RetryStation = { id: string; label: string; location: string };

/** After a failure: print the same card on another station (once), or cancel it. */
export function RecoveryActions({ jobId, stations }: { jobId: string; stations: RetryStation[] }) {
  const queryClient = useQueryClient();
  const [state, retry, retrying] = useActionState(retryJobAction, null);
  const [closing, startClosing] = useTransition();
  const [closeError, setCloseError] = useState<string | null>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <Card title="What to do now" headingId="recover-heading">
      {state && !state.ok && !errors ? (
        <Alert tone="error" live>
          {state.message}
        </Alert>
      ) : null}
      {stations.length === 0 ? (
        <p className="mt-2">
          No other station is available at your branch. Cancel this card, or ask your manager to enable a station.
        </p>
      ) : (
        <form action={retry} className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name={field("jobId")} value={jobId} />
          <Field id="retry-station" label="Retry on station" errors={errors?.stationId}>
            {(control) => (
              <Select {...control} name={field("stationId")} inline>
                {stations.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label} · {s.location}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" disabled={retrying}>
            {retrying ? "Sending…" : "Retry on this station"}
          </Button>
        </form>
      )}
      <div className="mt-4 border-t border-slate-200 pt-4">
        <Button
          variant="secondary"
          disabled={closing}
          onClick={() =>
            startClosing(async () => {
              const result = await closeJobAction({ jobId });
              setCloseError(result.ok ? null : result.message);
              await queryClient.invalidateQueries({ queryKey: ["job", jobId] });
            })
          }
        >
          {closing ? "Canceling…" : "Cancel this card"}
        </Button>
        {closeError ? (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {closeError}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
