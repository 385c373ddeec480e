"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/lib/actions/auth/change-password";
import { fieldNames } from "@/lib/actions/fields";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

const field = fieldNames<typeof changePasswordAction>();

const FIELDS = [
  { name: field("currentPassword"), label: "current", autoComplete: "current-password" },
  { name: field("newPassword"), label: "new", autoComplete: "new-password" },
  { name: field("confirmPassword"), label: "again", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations("Password");
  const [state, formAction, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // After an error the fields that passed keep their value (keepValuesOnSubmit), so a rule error
  // on the new password does not make anyone type the current one again. A field in error is
  // emptied and focused: it is masked, so its typo cannot be seen, only typed again; the new
  // password and its confirmation go together, as people expect when they must choose again.
  useEffect(() => {
    const form = formRef.current;
    if (!form || !state || state.ok || !state.fieldErrors) return;
    const wrong = new Set(Object.keys(state.fieldErrors));
    if (wrong.has("newPassword") || wrong.has("confirmPassword")) wrong.add("newPassword").add("confirmPassword");
    const emptied = FIELDS.map((f) => form.elements.namedItem(f.name)).filter(
      (input): input is HTMLInputElement => input instanceof HTMLInputElement && wrong.has(input.name),
    );
    for (const input of emptied) input.value = "";
    emptied[0]?.focus();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-3" noValidate>
      {state && !state.ok && !errors ? (
        <Alert tone="error" live>
          {state.message}
        </Alert>
      ) : null}
      {FIELDS.map((f) => (
        <InputField
          key={f.name}
          id={f.name}
          label={t(f.label, { min: PASSWORD_RULES.minLength })}
          errors={errors?.[f.name]}
          name={f.name}
          type="password"
          autoComplete={f.autoComplete}
        />
      ))}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
