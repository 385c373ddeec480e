"use client";

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
  const [state, formAction, pending] = useActionState(updateApprovalSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-4" noValidate>
      <InputField
        id="approval-repeat-days"
        errors={errors?.repeatReplacementDays}
        name={field("repeatReplacementDays")}
        label="A second replacement within (days)"
        type="number"
        min={1}
        max={365}
        defaultValue={settings.repeatReplacementDays ?? ""}
        hint="A replacement for a customer who already had one within this many days needs approval. Empty: the rule is off."
        className="max-w-md"
      />
      <div>
        <Checkbox
          name={field("nameDiffers")}
          label="A name on the card that differs from the customer's recorded name"
          defaultChecked={settings.nameDiffers}
          aria-describedby="approval-name-hint"
        />
        <p id="approval-name-hint" className="text-sm text-slate-700">
          Beyond the emboss rules: capitals, accents removed or transliterated (Müller as MULLER or MUELLER), given
          names as initials or left out, given names before the family name. Anything else needs approval.
        </p>
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save approval rules"}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">The approval rules are saved. They apply to new requests.</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
