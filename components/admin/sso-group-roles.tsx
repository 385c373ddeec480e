"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { Select } from "@/components/ui/select";
import { setSsoGroupRoleAction } from "@/lib/actions/admin/set-sso-group-role";
import { fieldNames } from "@/lib/actions/fields";
import { ROLES } from "@/lib/vocabulary";

const field = fieldNames<typeof setSsoGroupRoleAction>();

/** Maps a group name to a role, or changes the role of a group already mapped. */
export function SsoGroupRoleForm() {
  const t = useTranslations("Sso");
  const roles = useTranslations("Roles");
  const [state, formAction, pending] = useActionState(setSsoGroupRoleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
    >
      <InputField
        id="sso-group-name"
        name={field("groupName")}
        label={t("groupName")}
        hint={t("groupNameHint")}
        errors={errors?.groupName}
        autoComplete="off"
        required
      />
      <Field id="sso-group-role" label={t("role")} errors={errors?.role}>
        {(control) => (
          <Select {...control} name={field("role")} defaultValue="teller">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles(r)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? (
            <Alert tone="success">
              {state.data.role === "none"
                ? t("removed", { group: state.data.groupName })
                : t("gives", { group: state.data.groupName, role: roles(state.data.role) })}
            </Alert>
          ) : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}

/** One row's remove button: the same action with role `none`. */
export function SsoGroupRoleRemove({ groupName }: { groupName: string }) {
  const t = useTranslations("Sso");
  const [state, formAction, pending] = useActionState(setSsoGroupRoleAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name={field("groupName")} value={groupName} />
      <input type="hidden" name={field("role")} value="none" />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("removeNamed", { group: groupName })}>
        {pending ? t("removing") : t("remove")}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
