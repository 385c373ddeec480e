"use client";

import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useState, useTransition } from "react";
import { cancelJobAction } from "@/lib/actions/teller/cancel-job";
import { moveJobAction } from "@/lib/actions/teller/move-job";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { RetryStation } from "./recovery-actions";

const field = fieldNames<typeof moveJobAction>();

/**
 * While a request waits (for D1 or for its station): move it to another enabled station, or
 * cancel it after a confirmation, so that no card prints after the customer has gone.
 * `stations` are the branch's enabled stations other than the request's own.
 */
export function OpenRequestActions({
  jobId,
  stations,
  awaitingApproval = false,
}: {
  jobId: string;
  stations: RetryStation[];
  /** Not sent yet: no station to move from; a cancel just withdraws the request. */
  awaitingApproval?: boolean;
}) {
  const queryClient = useQueryClient();
  const t = useTranslations("OpenRequest");
  const j = useTranslations("Job");
  const [moveState, move, moving] = useActionState(moveJobAction, null);
  const [canceling, startCanceling] = useTransition();
  const [askCancel, setAskCancel] = useState(false);
  const [cancelMessage, setCancelMessage] = useState<{ text: string; error: boolean } | null>(null);
  const errors = moveState && !moveState.ok ? moveState.fieldErrors : undefined;
  const cancel = () =>
    startCanceling(async () => {
      const result = await cancelJobAction({ jobId });
      setCancelMessage(
        result.ok
          ? {
              text:
                result.data.reach === "never_sent"
                  ? j("cancelNeverSent")
                  : result.data.reach === "stopped"
                    ? j("cancelStopped")
                    : j("cancelNotStopped", { station: result.data.stationLabel }),
              error: false,
            }
          : { text: result.message, error: true },
      );
      setAskCancel(false);
      await queryClient.invalidateQueries({ queryKey: ["job", jobId] });
    });
  return (
    <Card title={t("title")} headingId="open-actions-heading">
      {moveState && !moveState.ok && !errors ? (
        <Alert tone="error" live>
          {moveState.message}
        </Alert>
      ) : null}
      {awaitingApproval ? (
        <p className="mt-2">{t("awaiting")}</p>
      ) : stations.length === 0 ? (
        <p className="mt-2">{t("noStation")}</p>
      ) : (
        <form action={move} className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name={field("jobId")} value={jobId} />
          <Field id="move-station" label={t("moveTo")} errors={errors?.stationId}>
            {(control) => (
              <Select {...control} name={field("stationId")} inline defaultValue={stations[0]?.id}>
                {stations.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label} · {s.location}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary" disabled={moving}>
            {moving ? t("moving") : t("move")}
          </Button>
        </form>
      )}
      <div className="mt-4 border-t border-slate-200 pt-4">
        {askCancel ? (
          <div role="group" aria-labelledby="cancel-request-question" className="space-y-2">
            <p id="cancel-request-question" className="font-semibold">
              {awaitingApproval ? t("cancelQuestionAwaiting") : t("cancelQuestion")}
            </p>
            <div className="flex flex-wrap gap-3">
              <Button variant="danger" disabled={canceling} onClick={cancel} autoFocus>
                {canceling ? t("canceling") : t("cancelYes")}
              </Button>
              <Button variant="secondary" disabled={canceling} onClick={() => setAskCancel(false)}>
                {t("keep")}
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setAskCancel(true)}>
            {t("cancel")}
          </Button>
        )}
        {cancelMessage ? (
          <p role={cancelMessage.error ? "alert" : "status"} className="mt-2 text-sm">
            {cancelMessage.text}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
