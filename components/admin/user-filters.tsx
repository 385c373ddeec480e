import { useTranslations } from "next-intl";
import type { Branch } from "@/db/schema";
import { ROLES } from "@/lib/vocabulary";
import { InputField } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { FilterButtons, fieldErrorsOf } from "./filter-form-parts";

/** GET form over the users list: the filters live in the URL, like the audit log's. */
export function UserFilters({
  values,
  errors,
  branches,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  branches: Branch[];
}) {
  const t = useTranslations("Users");
  const roles = useTranslations("Roles");
  const fieldErrors = fieldErrorsOf(errors);
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("filtersLabel")}>
      <InputField
        id="users-q"
        label={t("filterQuery")}
        name="q"
        type="search"
        defaultValue={values.q}
        errors={fieldErrors("q")}
      />
      <div>
        <Label htmlFor="users-role">{t("filterRole")}</Label>
        <Select id="users-role" name="role" defaultValue={values.role ?? ""} className="mt-1">
          <option value="">{t("any")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="users-branch">{t("filterBranch")}</Label>
        <Select id="users-branch" name="branchId" defaultValue={values.branchId ?? ""} className="mt-1">
          <option value="">{t("any")}</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.code})
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="users-status">{t("filterStatus")}</Label>
        <Select id="users-status" name="status" defaultValue={values.status ?? ""} className="mt-1">
          <option value="">{t("any")}</option>
          <option value="active">{t("active")}</option>
          <option value="deactivated">{t("deactivated")}</option>
        </Select>
      </div>
      <FilterButtons className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}
