import { useTranslations } from "next-intl";
import type { AccessLogFilter } from "@/lib/validations/access-log";
import { InputField } from "@/components/ui/field";
import { DateRangeFields, FilterButtons, fieldErrorsOf } from "./filter-form-parts";

/** GET form: the filters live in the URL, so a filtered view can be bookmarked and exported. */
export function AccessLogFilters({
  values,
  errors = {},
}: {
  values: Partial<Record<keyof AccessLogFilter, string>>;
  errors?: Record<string, string>;
}) {
  const t = useTranslations("AccessLog");
  const fieldErrors = fieldErrorsOf(errors);
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("filtersLabel")}>
      <InputField
        id="access-user"
        label={t("filterUser")}
        name="user"
        defaultValue={values.user}
        errors={fieldErrors("user")}
      />
      <InputField
        id="access-customer"
        label={t("filterCustomer")}
        name="customer"
        defaultValue={values.customer}
        placeholder={t("filterCustomerExample")}
        errors={fieldErrors("customer")}
      />
      <DateRangeFields idPrefix="access" values={values} errors={errors} />
      <FilterButtons className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}
