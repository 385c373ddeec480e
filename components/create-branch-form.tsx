"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { createBranchAction } from "@/lib/actions/admin/create-branch";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { TIME_ZONE_LIST_ID } from "@/components/admin/time-zone-list";

const field = fieldNames<typeof createBranchAction>();

const FIELDS = [
  { name: field("code"), label: "code", example: "codeExample" },
  { name: field("name"), label: "name", example: null },
  { name: field("address"), label: "address", example: null },
  { name: field("timezone"), label: "timeZone", example: "timeZoneExample" },
  { name: field("closesAt"), label: "closesAt", example: "closesAtExample" },
] as const;

export function CreateBranchForm() {
  const t = useTranslations("BranchForm");
  const [state, formAction, pending] = useActionState(createBranchAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // Values survive an error (keepValuesOnSubmit); only a created branch empties the form.
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
      {FIELDS.map((f) => (
        <InputField
          key={f.name}
          id={`branch-${f.name}`}
          label={t(f.label)}
          errors={errors?.[f.name]}
          name={f.name}
          placeholder={f.example ? t(f.example) : undefined}
          {...(f.name === "timezone" ? { list: TIME_ZONE_LIST_ID, autoComplete: "off" } : {})}
          {...(f.name === "closesAt" ? { type: "time", defaultValue: "18:00" } : {})}
        />
      ))}
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">{t("created", { code: state.data.code })}</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
