"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { SsoConfirmButton, type SsoConfirmed } from "./sso-confirm-button";
import type { DualControlStep } from "@/lib/vocabulary";

type FormAction<R> = (state: ActionState<R>, form: FormData) => Promise<ActionResult<R>>;

/**
 * A four-eyes form: the step's own fields, then the second person on the same screen: their
 * e-mail and password, or (with the bank's single sign-on) a confirmation at the identity
 * provider in a popup; either is checked on the server (lib/dual-control/second-signer.ts). A
 * refusal keeps what was typed and clears only the second person's password (and a used SSO
 * confirmation); a success clears the form and says what was done.
 */
export function DualControlForm<R>({
  id,
  action,
  submitLabel,
  done,
  label,
  step,
  sso,
  className = "space-y-3",
  children,
}: {
  /** Prefix of the field ids, unique on the page. */
  id: string;
  action: FormAction<R>;
  submitLabel: string;
  done: (data: R) => string;
  /** The form's accessible name, when its heading does not give it one. */
  label?: string;
  /** The four-eyes step (its SSO confirmation is good for it alone). */
  step: DualControlStep;
  /** The identity provider's name when single sign-on is configured, else null. */
  sso: string | null;
  className?: string;
  children: (errors: Record<string, string[] | undefined> | undefined) => ReactNode;
}) {
  const t = useTranslations("DualControl");
  const [state, formAction, pending] = useActionState(action, null);
  const [confirmed, setConfirmed] = useState<SsoConfirmed | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (!state) return;
    if (state.ok) formRef.current?.reset();
    else {
      const password = formRef.current?.elements.namedItem("secondPassword");
      if (password instanceof HTMLInputElement) password.value = "";
    }
  }, [state]);

  // An SSO confirmation is used by the first answer that got past the form's own checks: forget
  // it when such an answer arrives (set while rendering, React's way to follow a changed value).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state && (state.ok || state.code !== "invalid:action")) setConfirmed(null);
  }

  const typedEmail = () => {
    const email = formRef.current?.elements.namedItem("secondEmail");
    return email instanceof HTMLInputElement ? email.value.trim() : "";
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className={className}
      aria-label={label}
      noValidate
    >
      {children(errors)}
      <fieldset className="col-span-full space-y-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">{t("legend")}</legend>
        <p className="text-sm text-slate-700">{sso ? t("introSso", { sso }) : t("intro")}</p>
        {confirmed ? (
          <>
            <input type="hidden" name="secondAssertion" value={confirmed.assertionId} />
            <div className="flex flex-wrap items-center gap-3">
              <span role="status" className="text-sm font-semibold text-green-900" data-testid={`${id}-sso-confirmed`}>
                {t("confirmedBy", { name: confirmed.name })}
              </span>
              <Button variant="ghost" onClick={() => setConfirmed(null)}>
                {t("usePassword")}
              </Button>
            </div>
          </>
        ) : (
          <>
            <InputField
              id={`${id}-secondEmail`}
              name="secondEmail"
              type="email"
              autoComplete="off"
              label={t("email")}
              errors={errors?.secondEmail}
              required
            />
            <InputField
              id={`${id}-secondPassword`}
              name="secondPassword"
              type="password"
              autoComplete="off"
              label={t("password")}
              errors={errors?.secondPassword}
              required
            />
            {sso ? (
              <SsoConfirmButton id={id} step={step} provider={sso} hint={typedEmail} onConfirmed={setConfirmed} />
            ) : null}
          </>
        )}
        {errors?.secondAssertion ? (
          <FieldError id={`${id}-secondAssertion-error`} errors={errors.secondAssertion} />
        ) : null}
      </fieldset>
      <div className="col-span-full flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("checking") : submitLabel}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <span data-testid={`${id}-done`}>{done(state.data)}</span> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
