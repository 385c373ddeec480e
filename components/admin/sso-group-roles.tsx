"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { Select } from "@/components/ui/select";
import { setSsoGroupRoleAction } from "@/lib/actions/admin/set-sso-group-role";
import { fieldNames } from "@/lib/actions/fields";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { ROLES } from "@/lib/vocabulary";

const field = fieldNames<typeof setSsoGroupRoleAction>();

/** Maps a group name to a role, or changes the role of a group already mapped. */
export function SsoGroupRoleForm() {
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
        label="Group name"
        hint="Exactly as the identity provider sends it, e.g. BII-Tellers (case does not matter)."
        errors={errors?.groupName}
        autoComplete="off"
        required
      />
      <Field id="sso-group-role" label="Role" errors={errors?.role}>
        {(control) => (
          <Select {...control} name={field("role")} defaultValue="teller">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save mapping"}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? (
            <Alert tone="success">
              {state.data.role === "none"
                ? `${state.data.groupName} no longer gives a role.`
                : `${state.data.groupName} gives the role ${ROLE_LABEL[state.data.role]}.`}
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
  const [state, formAction, pending] = useActionState(setSsoGroupRoleAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name={field("groupName")} value={groupName} />
      <input type="hidden" name={field("role")} value="none" />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Remove the mapping of ${groupName}`}>
        {pending ? "Removing…" : "Remove"}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
