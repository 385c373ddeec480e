import type { AccessLogFilter } from "@/lib/validations/access-log";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";

/** GET form: the filters live in the URL, so a filtered view can be bookmarked and exported. */
export function AccessLogFilters({
  values,
  errors = {},
}: {
  values: Partial<Record<keyof AccessLogFilter, string>>;
  errors?: Record<string, string>;
}) {
  const fieldErrors = (key: string) => (errors[key] ? [errors[key]] : undefined);
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the access log">
      <InputField
        id="access-user"
        label="Who (e-mail contains)"
        name="user"
        defaultValue={values.user}
        errors={fieldErrors("user")}
      />
      <InputField
        id="access-customer"
        label="Customer number"
        name="customer"
        defaultValue={values.customer}
        placeholder="e.g. C00000042"
        errors={fieldErrors("customer")}
      />
      <InputField
        id="access-from"
        label="From (UTC date)"
        name="from"
        type="date"
        defaultValue={values.from}
        errors={fieldErrors("from")}
      />
      <InputField
        id="access-to"
        label="To (UTC date)"
        name="to"
        type="date"
        defaultValue={values.to}
        errors={fieldErrors("to")}
      />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="secondary">
          <a href="?">Clear</a>
        </Button>
      </div>
    </form>
  );
}
