"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ApprovalSettings } from "@/db/queries/approvals";
import { updateApprovalSettingsAction } from "@/lib/actions/admin/update-approval-settings";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

const field = fieldNames<typeof updateApprovalSettingsAction>();

/** The bank-wide maker-checker rules; a product's own "needs approval" is set on the product. */
export function ApprovalSettingsForm({ settings }: { settings: ApprovalSettings }) {
  const t = useTranslations("ApprovalRules");
  const [state, formAction, pending] = useActionState(updateApprovalSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-4" noValidate>
      <InputField
        id="approval-repeat-days"
        errors={errors?.repeatReplacementDays}
        name={field("repeatReplacementDays")}
        label={t("repeatDays")}
        type="number"
        min={1}
        max={365}
        defaultValue={settings.repeatReplacementDays ?? ""}
        hint={t("repeatDaysHint")}
        className="max-w-md"
      />
      <div>
        <Checkbox
          name={field("nameDiffers")}
          label={t("nameDiffers")}
          defaultChecked={settings.nameDiffers}
          aria-describedby="approval-name-hint"
        />
        <p id="approval-name-hint" className="text-sm text-slate-700">
          {t("nameDiffersHint")}
        </p>
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
