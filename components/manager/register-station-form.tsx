"use client";

import { useActionState, useEffect, useRef } from "react";
import { registerStationAction } from "@/lib/actions/manager/register-station";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

const field = fieldNames<typeof registerStationAction>();

const FIELDS = [
  { name: field("persoStation"), label: "Station id (persoStation)", hint: "e.g. BR001-PS-04" },
  { name: field("label"), label: "Label", hint: "e.g. Counter printer 3" },
  { name: field("location"), label: "Location (optional)", hint: "e.g. Ground floor, counter 6" },
] as const;

export function RegisterStationForm({ onDone }: { onDone: (message: string) => void }) {
  const [state, formAction, pending] = useActionState(registerStationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const reported = useRef<typeof state>(null);

  useEffect(() => {
    if (state?.ok && reported.current !== state) {
      reported.current = state;
      formRef.current?.reset();
      onDone(`Station ${state.data.persoStation} is registered and enabled.`);
    }
  }, [state, onDone]);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 md:grid-cols-3"
      noValidate
    >
      {FIELDS.map((f) => (
        <InputField
          key={f.name}
          id={`station-${f.name}`}
          label={f.label}
          errors={errors?.[f.name]}
          name={f.name}
          placeholder={f.hint}
          required={f.name !== "location"}
        />
      ))}
      <div className="flex items-center gap-4 md:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Registering…" : "Register station"}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
