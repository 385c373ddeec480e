"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { Branch } from "@/db/schema";
import { createUserAction } from "@/lib/actions/admin/create-user";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { TemporaryPassword } from "./temporary-password";
import { UserFields } from "./user-fields";

export function CreateUserForm({ branches }: { branches: Branch[] }) {
  const t = useTranslations("UserForm");
  const [state, formAction, pending] = useActionState(createUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        action={formAction}
        onSubmit={keepValuesOnSubmit(formAction)}
        className="grid gap-3 sm:grid-cols-2"
        noValidate
      >
        <UserFields form="new-user" values={{}} branches={branches} errors={errors} />
        <div className="flex items-center gap-4 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </Button>
          <div aria-live="polite" className="text-sm">
            {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
          </div>
        </div>
      </form>
      {state?.ok ? <TemporaryPassword email={state.data.email} password={state.data.temporaryPassword} /> : null}
    </div>
  );
}
