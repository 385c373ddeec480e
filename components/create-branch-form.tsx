"use client";

import { useActionState, useEffect, useRef } from "react";
import { createBranchAction } from "@/lib/actions/admin/create-branch";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { TIME_ZONE_LIST_ID } from "@/components/admin/time-zone-list";
import { Label } from "@/components/ui/label";

const field = fieldNames<typeof createBranchAction>();

const FIELDS = [
  { name: field("code"), label: "Branch code", hint: "e.g. BR042" },
  { name: field("name"), label: "Name", hint: "" },
  { name: field("address"), label: "Address", hint: "" },
  { name: field("timezone"), label: "Time zone", hint: "e.g. Europe/Berlin" },
] as const;

export function CreateBranchForm() {
  const [state, formAction, pending] = useActionState(createBranchAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // Values survive an error (keepValuesOnSubmit); only a created branch empties the form.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="grid gap-3 sm:grid-cols-2" noValidate>
      {FIELDS.map((f) => (
        <div key={f.name}>
          <Label htmlFor={`branch-${f.name}`}>{f.label}</Label>
          <Input
            id={`branch-${f.name}`}
            name={f.name}
            placeholder={f.hint}
            {...(f.name === "timezone" ? { list: TIME_ZONE_LIST_ID, autoComplete: "off" } : {})}
            aria-invalid={Boolean(errors?.[f.name])}
            aria-describedby={`branch-${f.name}-error`}
            className="mt-1"
          />
          <FieldError id={`branch-${f.name}-error`} errors={errors?.[f.name]} />
        </div>
      ))}
      <div className="sm:col-span-2 flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create branch"}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">Branch {state.data.code} created.</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
