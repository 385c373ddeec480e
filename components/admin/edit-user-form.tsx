"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { Branch } from "@/db/schema";
import type { AdminUser } from "@/db/queries/users";
import { updateUserAction } from "@/lib/actions/admin/update-user";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { UserFields } from "./user-fields";

const field = fieldNames<typeof updateUserAction>();

export function EditUserForm({ user, branches }: { user: AdminUser; branches: Branch[] }) {
  const t = useTranslations("User");
  const [state, formAction, pending] = useActionState(updateUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
    >
      <input type="hidden" name={field("userId")} value={user.id} />
      <UserFields form="edit-user" values={user} branches={branches} errors={errors} />
      <p className="text-sm text-slate-700 sm:col-span-2">{t("changeNote")}</p>
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">{t("saved", { email: state.data.email })}</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
