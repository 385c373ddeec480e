"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { setLowStockThresholdAction } from "@/lib/actions/manager/set-low-stock-threshold";
import { fieldNames } from "@/lib/actions/fields";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

const field = fieldNames<typeof setLowStockThresholdAction>();

/** The manager's low-stock threshold of one station: below it the teller is warned. */
export function LowStockThresholdForm({
  stationId,
  stationLabel,
  threshold,
  onDone,
}: {
  stationId: string;
  stationLabel: string;
  threshold: number;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("Stations");
  const [state, formAction, pending] = useActionState(setLowStockThresholdAction, null);
  const reported = useRef<typeof state>(null);
  const id = `threshold-${stationId}`;
  useEffect(() => {
    if (state?.ok && reported.current !== state) {
      reported.current = state;
      onDone(t("thresholdDone", { label: stationLabel, threshold: state.data.threshold }));
    }
  }, [state, onDone, stationLabel, t]);
  const errors = state && !state.ok ? (state.fieldErrors?.threshold ?? [state.message]) : undefined;
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="mt-2" noValidate>
      <input type="hidden" name={field("stationId")} value={stationId} />
      <label htmlFor={id} className="block text-xs text-slate-700">
        {t("warnBelow")}
      </label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          name={field("threshold")}
          defaultValue={threshold}
          inputMode="numeric"
          sizing="sm"
          className="w-20"
          aria-invalid={Boolean(errors)}
          aria-describedby={`${id}-error`}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
      </div>
      <FieldError id={`${id}-error`} errors={errors} />
    </form>
  );
}
