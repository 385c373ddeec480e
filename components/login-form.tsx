"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

export function LoginForm() {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // The e-mail survives a failed sign-in (keepValuesOnSubmit); the password, the likely culprit
  // and unreadable when masked, is emptied and focused for typing again.
  useEffect(() => {
    const form = formRef.current;
    if (!form || !state || state.ok) return;
    const invalid = form.querySelector<HTMLElement>("[aria-invalid=true]");
    const password = form.elements.namedItem("password");
    if (invalid) invalid.focus();
    else if (password instanceof HTMLInputElement) {
      password.value = "";
      password.focus();
    }
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-4" noValidate>
      {state && !state.ok && !errors ? (
        <Alert tone="error" live id="sign-in-error">
          {state.message}
        </Alert>
      ) : null}
      <InputField
        id="email"
        label={t("email")}
        errors={errors?.email}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
      />
      <InputField
        id="password"
        label={t("password")}
        errors={errors?.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
