import { useTranslations } from "next-intl";
import type { Branch } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Field, InputField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/**
 * GET form: the range lives in the URL, so a report can be bookmarked and its CSV asks for the
 * same days. Admins choose the branch; a manager's is their own.
 */
export function ReportFilters({
  from,
  to,
  grain,
  errors,
  branches,
  branchId,
}: {
  from: string;
  to: string;
  grain: string;
  errors: Record<string, string>;
  branches?: Pick<Branch, "id" | "name" | "code">[];
  branchId: string;
}) {
  const t = useTranslations("Reports");
  const err = (field: string) => (errors[field] ? [errors[field]] : undefined);
  return (
    <form method="get" aria-label={t("filtersLabel")} className="flex flex-wrap items-end gap-3">
      {branches ? (
        <Field id="report-branch" label={t("branch")} className="min-w-48">
          {(control) => (
            <Select {...control} name="branchId" defaultValue={branchId}>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.code})
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <InputField id="report-from" label={t("from")} name="from" type="date" defaultValue={from} errors={err("from")} />
      <InputField id="report-to" label={t("toIncluded")} name="to" type="date" defaultValue={to} errors={err("to")} />
      <Field id="report-grain" label={t("per")} errors={err("grain")}>
        {(control) => (
          <Select {...control} name="grain" defaultValue={grain}>
            <option value="day">{t("grainDay")}</option>
            <option value="week">{t("grainWeek")}</option>
          </Select>
        )}
      </Field>
      {/* Aligned with the fields, whose error line sits below them. */}
      <div className="pb-6">
        <Button type="submit">{t("show")}</Button>
      </div>
    </form>
  );
}
