"use client";

// Wiping training data: the admin types the confirmation word, then presses the button (two
// deliberate steps); the server checks the word again and audits the counts.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { wipeTrainingDataAction } from "@/lib/actions/admin/wipe-training-data";
import { fieldNames } from "@/lib/actions/fields";
import { WIPE_WORD } from "@/lib/validations/training";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";

const field = fieldNames<typeof wipeTrainingDataAction>();

export function WipeTrainingData({ count }: { count: number }) {
  const t = useTranslations("Training");
  const [state, formAction, pending] = useActionState(wipeTrainingDataAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <p className="text-slate-700">{t("wipeIntro", { count })}</p>
      <InputField
        id="wipe-confirm"
        name={field("confirm")}
        label={t("wipeConfirm", { word: WIPE_WORD })}
        autoComplete="off"
        errors={errors?.confirm}
        className="max-w-xs"
      />
      <div className="flex items-center gap-4">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("working") : t("wipe")}
        </Button>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? <Alert tone="success">{t("wiped", { jobs: state.data.jobs })}</Alert> : null}
          {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
