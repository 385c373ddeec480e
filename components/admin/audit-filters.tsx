import { useLocale, useTranslations } from "next-intl";
import type { Branch } from "@/db/schema";
import { AUDIT_ACTIONS } from "@/lib/audit-actions";
import { AUDIT_ENTITIES, type AuditFilter } from "@/lib/validations/audit";
import { InputField } from "@/components/ui/field";
import { DateRangeFields, FilterButtons, fieldErrorsOf } from "./filter-form-parts";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

/**
 * GET form: the filters live in the URL, so a filtered view can be bookmarked and exported.
 * `values` are what the URL said (kept even when invalid, so they can be corrected); `errors`
 * are the filter's field errors.
 */
export function AuditFilters({
  values,
  errors = {},
  branches,
  hidden,
  timeZone,
}: {
  values: Partial<Record<keyof AuditFilter, string>>;
  errors?: Record<string, string>;
  branches?: Branch[];
  hidden?: Record<string, string>;
  /** Whose days From and To are (see DateRangeFields). */
  timeZone?: string;
}) {
  const t = useTranslations("Audit");
  const a = useTranslations("AuditAction");
  const locale = useLocale();
  const fieldErrors = fieldErrorsOf(errors);
  // Sorted by what they say in the user's language, so the list reads alphabetically in it.
  const actions = AUDIT_ACTIONS.map((value) => ({ value, label: a(value) })).sort((x, y) =>
    x.label.localeCompare(y.label, locale),
  );
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" aria-label={t("filtersLabel")}>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <InputField
        id="audit-actor"
        label={t("filterActor")}
        name="actor"
        defaultValue={values.actor}
        errors={fieldErrors("actor")}
      />
      <div>
        <Label htmlFor="audit-action">{t("filterAction")}</Label>
        <Select id="audit-action" name="action" defaultValue={values.action ?? ""} className="mt-1">
          <option value="">{t("anything")}</option>
          {actions.map((action) => (
            <option key={action.value} value={action.value}>
              {action.label}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-entity">{t("filterEntity")}</Label>
        <Select id="audit-entity" name="entity" defaultValue={values.entity ?? ""} className="mt-1">
          <option value="">{t("any")}</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e.value} value={e.value}>
              {t(`entity.${e.value}`)}
            </option>
          ))}
        </Select>
      </div>
      {branches ? (
        <div>
          <Label htmlFor="audit-branch">{t("filterBranch")}</Label>
          <Select id="audit-branch" name="branchId" defaultValue={values.branchId ?? ""} className="mt-1">
            <option value="">{t("any")}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.code})
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      <DateRangeFields idPrefix="audit" values={values} errors={errors} timeZone={timeZone} />
      <FilterButtons className="sm:col-span-2 lg:col-span-6" />
    </form>
  );
}
