"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { registerBranchStationAction } from "@/lib/actions/admin/register-station";
import { registerStationAction } from "@/lib/actions/manager/register-station";
import { fieldNames } from "@/lib/actions/fields";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

const field = fieldNames<typeof registerStationAction | typeof registerBranchStationAction>();
const adminField = fieldNames<typeof registerBranchStationAction>();

type Registered = { stationId: string; persoStation: string };
type FormAction = (state: ActionState<Registered>, form: FormData) => Promise<ActionResult<Registered>>;

/**
 * Registers a station. A manager's goes to their own branch; an admin's (`asAdminFor` set) to the
 * branch the page shows. `pattern` is the branch's station id pattern, shown as the field's hint.
 */
export function RegisterStationForm({
  onDone,
  pattern,
  asAdminFor,
}: {
  onDone: (message: string) => void;
  pattern: string | null;
  asAdminFor?: string;
}) {
  const t = useTranslations("Stations");
  const action: FormAction = asAdminFor ? registerBranchStationAction : registerStationAction;
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const reported = useRef<typeof state>(null);

  useEffect(() => {
    if (state?.ok && reported.current !== state) {
      reported.current = state;
      formRef.current?.reset();
      onDone(t("registeredDone", { id: state.data.persoStation }));
    }
  }, [state, onDone, t]);

  const idHint = pattern ? t("idPattern", { pattern }) : t("noPattern");
  const fields = [
    { name: field("persoStation"), label: t("idLabel"), placeholder: t("idPlaceholder"), hint: idHint },
    { name: field("label"), label: t("label"), placeholder: t("labelPlaceholder"), hint: undefined },
    {
      name: field("location"),
      label: t("location"),
      placeholder: t("locationPlaceholder"),
      hint: undefined,
    },
  ];

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 md:grid-cols-3 md:items-end"
      noValidate
    >
      {asAdminFor ? <input type="hidden" name={adminField("branchId")} value={asAdminFor} /> : null}
      {fields.map((f) => (
        <InputField
          key={f.name}
          id={`station-${f.name}`}
          label={f.label}
          hint={f.hint}
          errors={errors?.[f.name]}
          name={f.name}
          placeholder={f.placeholder}
          required={f.name !== "location"}
        />
      ))}
      <div className="flex items-center gap-4 md:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("registering") : t("register")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
