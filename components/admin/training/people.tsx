"use client";

// Who is in training (users by their own flag, branches for everyone there), with the switches
// in and out. Each switch is one audited action (docs/training.md).
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setBranchTrainingAction } from "@/lib/actions/admin/set-branch-training";
import { setUserTrainingAction } from "@/lib/actions/admin/set-user-training";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type TraineeRow = { id: string; name: string; email: string; branchCode: string | null };
export type BranchRow = { id: string; code: string; name: string };

const userField = fieldNames<typeof setUserTrainingAction>();
const branchField = fieldNames<typeof setBranchTrainingAction>();

function TakeOut({ label, run }: { label: string; run: () => Promise<{ ok: boolean; message?: string }> }) {
  const t = useTranslations("Training");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          start(async () => {
            const result = await run();
            setError(result.ok ? null : (result.message ?? null));
          })
        }
      >
        {t("takeOut")}
      </Button>
      <span aria-live="polite" className="block text-sm text-red-800">
        {error}
      </span>
    </>
  );
}

export function TraineeTable({ users }: { users: TraineeRow[] }) {
  const t = useTranslations("Training");
  if (users.length === 0) return <p className="text-sm text-slate-700">{t("noUsers")}</p>;
  return (
    <Table caption={t("usersHeading")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("email")}</TableHead>
          <TableHead>{t("branch")}</TableHead>
          <TableHead>{t("actions")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((u) => (
          <TableRow key={u.id}>
            <TableCell>{u.name}</TableCell>
            <TableCell>{u.email}</TableCell>
            <TableCell>{u.branchCode ?? ""}</TableCell>
            <TableCell>
              <TakeOut
                label={t("takeOutUser", { name: u.name })}
                run={() => setUserTrainingAction({ userId: u.id, training: false })}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function TrainingBranchTable({ branches }: { branches: BranchRow[] }) {
  const t = useTranslations("Training");
  if (branches.length === 0) return <p className="text-sm text-slate-700">{t("noBranches")}</p>;
  return (
    <Table caption={t("branchesHeading")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("branch")}</TableHead>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("actions")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {branches.map((b) => (
          <TableRow key={b.id}>
            <TableCell>{b.code}</TableCell>
            <TableCell>{b.name}</TableCell>
            <TableCell>
              <TakeOut
                label={t("takeOutBranch", { code: b.code })}
                run={() => setBranchTrainingAction({ branchId: b.id, training: false })}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

type PutState =
  { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> } | null;

/** Puts a user in training. */
export function PutUserInTraining({ choices }: { choices: Array<{ id: string; label: string }> }) {
  const [state, formAction, pending] = useActionState(setUserTrainingAction, null);
  return (
    <PutForm
      kind="user"
      idName={userField("userId")}
      trainingName={userField("training")}
      {...{ state, formAction, pending, choices }}
    />
  );
}

/** Puts a whole branch in training: everyone who works there. */
export function PutBranchInTraining({ choices }: { choices: Array<{ id: string; label: string }> }) {
  const [state, formAction, pending] = useActionState(setBranchTrainingAction, null);
  return (
    <PutForm
      kind="branch"
      idName={branchField("branchId")}
      trainingName={branchField("training")}
      {...{ state, formAction, pending, choices }}
    />
  );
}

function PutForm(props: {
  kind: "user" | "branch";
  idName: string;
  trainingName: string;
  state: PutState;
  formAction: (data: FormData) => void;
  pending: boolean;
  choices: Array<{ id: string; label: string }>;
}) {
  const t = useTranslations("Training");
  const { kind, state } = props;
  const fieldErrors = state && !state.ok ? state.fieldErrors?.[props.idName] : undefined;
  const id = `training-put-${kind}`;
  return (
    <form action={props.formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name={props.trainingName} value="true" />
      <Field id={id} label={kind === "user" ? t("user") : t("branch")} errors={fieldErrors} className="min-w-64">
        {(control) => (
          <Select {...control} name={props.idName} defaultValue="">
            <option value="">{kind === "user" ? t("chooseUser") : t("chooseBranch")}</option>
            {props.choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={props.pending} className="mb-6">
        {kind === "user" ? t("putUserIn") : t("putBranchIn")}
      </Button>
      <div aria-live="polite" className="w-full text-sm">
        {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
        {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </form>
  );
}
