"use client";

import { useState } from "react";
import type { Branch } from "@/db/schema";
import { isRole, ROLES, type Role } from "@/lib/vocabulary";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { createUserAction } from "@/lib/actions/admin/create-user";
import type { updateUserAction } from "@/lib/actions/admin/update-user";
import { fieldNames } from "@/lib/actions/fields";
import { FormField } from "./form-field";

// Shared by the create and edit forms, so only names both actions take.
const field = fieldNames<typeof createUserAction | typeof updateUserAction>();

type Errors = Record<string, string[] | undefined> | undefined;
type Values = { name?: string; email?: string; role?: Role; branchId?: string | null };

/** Name, e-mail, role and branch; the branch is required for tellers and managers. */
export function UserFields({ form, values, branches, errors }: { form: string; values: Values; branches: Branch[]; errors: Errors }) {
  // Uncontrolled, so a choice made before hydration is not reset by it; the state only words the branch label.
  const [role, setRole] = useState<Role>(values.role ?? "teller");
  return (
    <>
      <FormField form={form} errors={errors} name={field("name")} label="Full name" defaultValue={values.name} autoComplete="off" required />
      <FormField form={form} errors={errors} name={field("email")} label="E-mail address" type="email" defaultValue={values.email} autoComplete="off" required />
      <div>
        <Label htmlFor={`${form}-role`}>Role</Label>
        <Select id={`${form}-role`} name={field("role")} defaultValue={values.role ?? "teller"} onChange={(e) => { if (isRole(e.target.value)) setRole(e.target.value); }} aria-invalid={Boolean(errors?.role)} aria-describedby={`${form}-role-error`} className="mt-1">
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABEL[r]}</option>
          ))}
        </Select>
        <FieldError id={`${form}-role-error`} errors={errors?.role} />
      </div>
      <div>
        <Label htmlFor={`${form}-branchId`}>Branch{role === "admin" ? " (optional for administrators)" : ""}</Label>
        <Select id={`${form}-branchId`} name={field("branchId")} defaultValue={values.branchId ?? ""} aria-invalid={Boolean(errors?.branchId)} aria-describedby={`${form}-branchId-error`} className="mt-1">
          <option value="">{role === "admin" ? "All branches" : "Choose a branch"}</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>{b.name} ({b.code})</option>
          ))}
        </Select>
        <FieldError id={`${form}-branchId-error`} errors={errors?.branchId} />
      </div>
    </>
  );
}
