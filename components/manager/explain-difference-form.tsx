"use client";

// A manager explains an end-of-day difference: what was found and what was done. The explanation
// books the difference in the ledger and releases the station.
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CountRecord } from "@/lib/board";
import { explainStockCountAction } from "@/lib/actions/manager/explain-stock-count";
import { fieldNames } from "@/lib/actions/fields";
import { formatCalendarDate } from "@/lib/datetime";
import { signed } from "@/lib/stock/end-of-day";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { usePlaceName } from "./place-name";

const field = fieldNames<typeof explainStockCountAction>();

export function ExplainDifferenceForm({ count }: { count: CountRecord }) {
  const [state, formAction, pending] = useActionState(explainStockCountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const t = useTranslations("EndOfDay");
  const locale = useLocale();
  const where = usePlaceName()(count);
  const day = formatCalendarDate(count.businessDate, locale);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-2 rounded border border-red-200 bg-red-50 p-3"
      aria-label={t("explainForm", { place: where, day })}
      noValidate
    >
      <p className="font-semibold text-red-950">
        {t("explainLine", {
          place: where,
          stockType: count.stockTypeName,
          day,
          expected: count.expected,
          counted: count.counted,
          difference: signed(count.counted - count.expected),
        })}{" "}
        {t("countedBy", { countedBy: count.countedBy, confirmedBy: count.confirmedBy })}
      </p>
      <input type="hidden" name={field("countId")} value={count.id} />
      <Field
        id={`explain-${count.id}`}
        label={t("explanation")}
        hint={t("explanationHint")}
        errors={errors?.explanation}
      >
        {(control) => <Textarea {...control} name={field("explanation")} rows={2} required />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("explain")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
