"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { Branch } from "@/db/schema";
import { updateBranchAction } from "@/lib/actions/admin/update-branch";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { TIME_ZONE_LIST_ID } from "./time-zone-list";

const field = fieldNames<typeof updateBranchAction>();

export function BranchEditForm({ branch }: { branch: Branch }) {
  const t = useTranslations("BranchForm");
  const [state, formAction, pending] = useActionState(updateBranchAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
    >
      <input type="hidden" name={field("branchId")} value={branch.id} />
      <InputField
        id="branch-edit-name"
        errors={errors?.name}
        name={field("name")}
        label={t("name")}
        defaultValue={branch.name}
        required
      />
      <InputField
        id="branch-edit-timezone"
        errors={errors?.timezone}
        name={field("timezone")}
        label={t("timeZone")}
        defaultValue={branch.timezone}
        list={TIME_ZONE_LIST_ID}
        autoComplete="off"
        hint={t("timeZoneHint")}
      />
      <InputField
        id="branch-edit-closes-at"
        errors={errors?.closesAt}
        name={field("closesAt")}
        label={t("closesAt")}
        type="time"
        defaultValue={branch.closesAt.slice(0, 5)}
        hint={t("closesAtHint")}
      />
      <InputField
        id="branch-edit-station-pattern"
        errors={errors?.stationIdPattern}
        name={field("stationIdPattern")}
        label={t("stationPattern")}
        defaultValue={branch.stationIdPattern ?? ""}
        autoComplete="off"
        spellCheck={false}
        hint={t("stationPatternHint", { code: branch.code })}
        required
        className="sm:col-span-2"
      />
      <InputField
        id="branch-edit-address"
        errors={errors?.address}
        name={field("address")}
        label={t("address")}
        defaultValue={branch.address}
        className="sm:col-span-2"
      />
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? (
            <Alert tone="success">
              {t("saved", { code: state.data.code, pattern: state.data.stationIdPattern ?? "" })}
            </Alert>
          ) : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
