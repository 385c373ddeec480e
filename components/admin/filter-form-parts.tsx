import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";

type Errors = Record<string, string>;

/** One field's error as the Field primitive takes it. */
export const fieldErrorsOf = (errors: Errors) => (key: string) => (errors[key] ? [errors[key]] : undefined);

/** From/To date inputs of the log filters (audit, customer access), named `from` and `to`. */
export function DateRangeFields({
  idPrefix,
  values,
  errors,
  timeZone = "UTC",
}: {
  idPrefix: string;
  values: { from?: string; to?: string };
  errors: Errors;
  /** Whose days the dates are: the branch's zone on a branch's log, UTC on the bank-wide ones. */
  timeZone?: string;
}) {
  const t = useTranslations("AdminFilters");
  const fieldErrors = fieldErrorsOf(errors);
  return (
    <>
      <InputField
        id={`${idPrefix}-from`}
        label={t("from", { zone: timeZone })}
        name="from"
        type="date"
        defaultValue={values.from}
        errors={fieldErrors("from")}
      />
      <InputField
        id={`${idPrefix}-to`}
        label={t("to", { zone: timeZone })}
        name="to"
        type="date"
        defaultValue={values.to}
        errors={fieldErrors("to")}
      />
    </>
  );
}

/** Apply and Clear, on a row of their own spanning the filter grid. */
export function FilterButtons({ className }: { className: string }) {
  const t = useTranslations("AdminFilters");
  return (
    <div className={`flex items-end gap-2 ${className}`}>
      <Button type="submit">{t("apply")}</Button>
      <Button asChild variant="secondary">
        <a href="?">{t("clear")}</a>
      </Button>
    </div>
  );
}
