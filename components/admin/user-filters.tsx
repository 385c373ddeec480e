import type { Branch } from "@/db/schema";
import { ROLE_LABEL } from "@/lib/auth/roles";
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
  const fieldErrors = fieldErrorsOf(errors);
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Find users">
      <InputField
        id="users-q"
        label="Name or e-mail contains"
        name="q"
        type="search"
        defaultValue={values.q}
        errors={fieldErrors("q")}
      />
      <div>
        <Label htmlFor="users-role">With role</Label>
        <Select id="users-role" name="role" defaultValue={values.role ?? ""} className="mt-1">
          <option value="">Any</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="users-branch">In branch</Label>
        <Select id="users-branch" name="branchId" defaultValue={values.branchId ?? ""} className="mt-1">
          <option value="">Any</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.code})
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="users-status">Status</Label>
        <Select id="users-status" name="status" defaultValue={values.status ?? ""} className="mt-1">
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </Select>
      </div>
      <FilterButtons className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}
