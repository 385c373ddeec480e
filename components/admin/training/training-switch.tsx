"use client";

// The training checkbox of a user's or a branch's edit page (docs/training.md): the same audited
// actions as the training page's switches.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setBranchTrainingAction } from "@/lib/actions/admin/set-branch-training";
import { setUserTrainingAction } from "@/lib/actions/admin/set-user-training";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";

const userField = fieldNames<typeof setUserTrainingAction>();

export function UserTrainingSwitch({ userId, training }: { userId: string; training: boolean }) {
  const [state, formAction, pending] = useActionState(setUserTrainingAction, null);
  return <SwitchForm {...{ state, formAction, pending, training }} idName="userId" id={userId} />;
}

export function BranchTrainingSwitch({ branchId, training }: { branchId: string; training: boolean }) {
  const [state, formAction, pending] = useActionState(setBranchTrainingAction, null);
  return <SwitchForm {...{ state, formAction, pending, training }} idName="branchId" id={branchId} />;
}

function SwitchForm(props: {
  state: { ok: true } | { ok: false; message: string } | null;
  formAction: (data: FormData) => void;
  pending: boolean;
  training: boolean;
  idName: "userId" | "branchId";
  id: string;
}) {
  const t = useTranslations("Training");
  return (
    <form action={props.formAction} className="flex flex-wrap items-center gap-4" noValidate>
      <input type="hidden" name={props.idName} value={props.id} />
      {/* An unticked checkbox sends nothing, which the schema reads as false. */}
      <Checkbox
        name={userField("training")}
        value="true"
        label={t("trainingCheckbox")}
        defaultChecked={props.training}
      />
      <Button type="submit" variant="secondary" disabled={props.pending}>
        {props.pending ? t("working") : t("save")}
      </Button>
      <div aria-live="polite" className="text-sm">
        {props.state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
        {props.state && !props.state.ok ? <Alert tone="error">{props.state.message}</Alert> : null}
      </div>
    </form>
  );
}
