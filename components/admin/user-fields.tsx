"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Branch } from "@/db/schema";
import { isRole, ROLES, type Role } from "@/lib/vocabulary";
import { Field, InputField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { createUserAction } from "@/lib/actions/admin/create-user";
import type { updateUserAction } from "@/lib/actions/admin/update-user";
import { fieldNames } from "@/lib/actions/fields";

// Shared by the create and edit forms, so only names both actions take.
const field = fieldNames<typeof createUserAction | typeof updateUserAction>();

type Errors = Record<string, string[] | undefined> | undefined;
type Values = { name?: string; email?: string; role?: Role; branchId?: string | null };

/** Name, e-mail, role and branch; the branch is required for tellers and managers. */
export function UserFields({
  form,
  values,
  branches,
  errors,
}: {
  form: string;
  values: Values;
  branches: Branch[];
  errors: Errors;
}) {
  // Uncontrolled, so a choice made before hydration is not reset by it; the state only words the branch label.
  const [role, setRole] = useState<Role>(values.role ?? "teller");
  const t = useTranslations("UserForm");
  const roles = useTranslations("Roles");
  return (
    <>
      <InputField
        id={`${form}-name`}
        errors={errors?.name}
        name={field("name")}
        label={t("fullName")}
        defaultValue={values.name}
        autoComplete="off"
        required
      />
      <InputField
        id={`${form}-email`}
        errors={errors?.email}
        name={field("email")}
        label={t("email")}
        type="email"
        defaultValue={values.email}
        autoComplete="off"
        required
      />
      <Field id={`${form}-role`} label={t("role")} errors={errors?.role}>
        {(control) => (
          <Select
            {...control}
            name={field("role")}
            defaultValue={values.role ?? "teller"}
            onChange={(e) => {
              if (isRole(e.target.value)) setRole(e.target.value);
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles(r)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={`${form}-branchId`}
        label={role === "admin" ? t("branchOptional") : t("branch")}
        errors={errors?.branchId}
      >
        {(control) => (
          <Select {...control} name={field("branchId")} defaultValue={values.branchId ?? ""}>
            <option value="">{role === "admin" ? t("allBranches") : t("chooseBranch")}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.code})
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
