"use client";

// The trainer's drill controls: a fault for the next training cards at a station (or at every
// station), how many, and the active drills with Clear (docs/training.md).
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { addTrainingFaultAction } from "@/lib/actions/admin/add-training-fault";
import { clearTrainingFaultAction } from "@/lib/actions/admin/clear-training-fault";
import { fieldNames } from "@/lib/actions/fields";
import { TRAINING_FAULTS, type TrainingFault } from "@/lib/vocabulary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { Select } from "@/components/ui/select";

export type DrillRow = { id: string; kind: TrainingFault; remaining: number | null; stationLabel: string | null };
export type StationChoice = { id: string; label: string };

const field = fieldNames<typeof addTrainingFaultAction>();

export function DrillForm({ stations }: { stations: StationChoice[] }) {
  const t = useTranslations("Training");
  const [state, formAction, pending] = useActionState(addTrainingFaultAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
    >
      <Field id="drill-station" label={t("station")} errors={errors?.stationId}>
        {(control) => (
          <Select {...control} name={field("stationId")} defaultValue="">
            <option value="">{t("everyStation")}</option>
            {stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="drill-kind" label={t("fault")} errors={errors?.kind}>
        {(control) => (
          <Select {...control} name={field("kind")} defaultValue="jam">
            {TRAINING_FAULTS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`faults.${kind}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <InputField
        id="drill-count"
        name={field("count")}
        label={t("count")}
        type="number"
        min={1}
        max={100}
        defaultValue={1}
        errors={errors?.count}
      />
      <Checkbox name={field("untilCleared")} label={t("untilCleared")} className="sm:mt-6" />
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("inject")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">{t("injected")}</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}

function ClearButton({ drill }: { drill: DrillRow }) {
  const t = useTranslations("Training");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const station = drill.stationLabel ?? t("everyStation");
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={t("clearDrill", { fault: t(`faults.${drill.kind}`), station })}
        onClick={() =>
          start(async () => {
            const result = await clearTrainingFaultAction({ faultId: drill.id });
            setError(result.ok ? null : result.message);
          })
        }
      >
        {t("clear")}
      </Button>
      <span aria-live="polite" className="block text-sm text-red-800">
        {error}
      </span>
    </>
  );
}

export function ActiveDrills({ drills }: { drills: DrillRow[] }) {
  const t = useTranslations("Training");
  return (
    <div>
      <h3 className="font-semibold">{t("activeDrills")}</h3>
      {drills.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noDrills")}</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid="active-drills">
          {drills.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3">
              <span>
                <span className="font-semibold">{t(`faults.${d.kind}`)}</span> · {d.stationLabel ?? t("everyStation")} ·{" "}
                {d.remaining === null ? t("untilClearedShort") : t("remaining", { count: d.remaining })}
              </span>
              <ClearButton drill={d} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
