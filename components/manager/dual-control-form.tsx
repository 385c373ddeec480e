"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

type FormAction<R> = (state: ActionState<R>, form: FormData) => Promise<ActionResult<R>>;

/**
 * A four-eyes form: the step's own fields, then the second person's e-mail and password on the
 * same screen (checked on the server, lib/dual-control/second-signer.ts). A refusal keeps what
 * was typed and clears only the second person's password; a success clears the form and says
 * what was done.
 */
export function DualControlForm<R>({
  id,
  action,
  submitLabel,
  done,
  children,
}: {
  /** Prefix of the field ids, unique on the page. */
  id: string;
  action: FormAction<R>;
  submitLabel: string;
  done: (data: R) => string;
  children: (errors: Record<string, string[] | undefined> | undefined) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
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

  return (
    <form ref={formRef} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-3" noValidate>
      {children(errors)}
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">Second person (dual control)</legend>
        <p className="text-sm text-slate-700">
          A colleague of this branch confirms with their own e-mail and password. You cannot sign twice.
        </p>
        <InputField
          id={`${id}-secondEmail`}
          name="secondEmail"
          type="email"
          autoComplete="off"
          label="Their e-mail"
          errors={errors?.secondEmail}
          required
        />
        <InputField
          id={`${id}-secondPassword`}
          name="secondPassword"
          type="password"
          autoComplete="off"
          label="Their password"
          errors={errors?.secondPassword}
          required
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : submitLabel}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <span data-testid={`${id}-done`}>{done(state.data)}</span> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
