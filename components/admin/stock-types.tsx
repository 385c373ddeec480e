"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { createStockTypeAction } from "@/lib/actions/admin/create-stock-type";
import { renameStockTypeAction } from "@/lib/actions/admin/rename-stock-type";
import { setStockTypeActiveAction } from "@/lib/actions/admin/set-stock-type-active";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Row = { id: string; code: string; name: string; active: boolean; products: number };

const create = fieldNames<typeof createStockTypeAction>();
const rename = fieldNames<typeof renameStockTypeAction>();

export function CreateStockTypeForm() {
  const t = useTranslations("StockTypes");
  const [state, formAction, pending] = useActionState(createStockTypeAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      noValidate
    >
      <InputField
        id="stock-code"
        name={create("code")}
        label={t("code")}
        placeholder={t("codeExample")}
        errors={errors?.code}
        required
      />
      <InputField
        id="stock-name"
        name={create("name")}
        label={t("name")}
        placeholder={t("nameExample")}
        errors={errors?.name}
        required
      />
      <div className="flex items-center gap-3 pb-6">
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("addButton")}
        </Button>
      </div>
      <div aria-live="polite" className="text-sm sm:col-span-3">
        {state?.ok ? <Alert tone="success">{t("added", { name: state.data.name })}</Alert> : null}
        {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </form>
  );
}

function RenameForm({ row }: { row: Row }) {
  const t = useTranslations("StockTypes");
  const [state, formAction, pending] = useActionState(renameStockTypeAction, null);
  const errors = state && !state.ok ? (state.fieldErrors?.name ?? [state.message]) : undefined;
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="flex items-start gap-2" noValidate>
      <input type="hidden" name={rename("stockTypeId")} value={row.id} />
      <InputField
        id={`rename-${row.id}`}
        name={rename("name")}
        label={<span className="sr-only">{t("nameOf", { code: row.code })}</span>}
        defaultValue={row.name}
        errors={errors}
        sizing="sm"
      />
      <Button type="submit" variant="secondary" disabled={pending} className="mt-1">
        {t("rename")}
      </Button>
    </form>
  );
}

function ActiveToggle({ row }: { row: Row }) {
  const t = useTranslations("StockTypes");
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = () =>
    start(async () => {
      const result = await setStockTypeActiveAction({ stockTypeId: row.id, active: !row.active });
      setError(result.ok ? null : result.message);
      setAsking(false);
    });
  if (row.active && asking) {
    return (
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("confirmDeactivate", { name: row.name })}>
        <Button type="button" variant="danger" disabled={pending} onClick={toggle}>
          {t("yesDeactivate")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          {t("keepIt")}
        </Button>
      </div>
    );
  }
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={row.active ? () => setAsking(true) : toggle}
        aria-label={t(row.active ? "deactivateNamed" : "activateNamed", { name: row.name })}
      >
        {row.active ? t("deactivate") : t("activate")}
      </Button>
      <span aria-live="polite" className="block text-sm text-red-800">
        {error}
      </span>
    </>
  );
}

/** Stock types with their products; rename, deactivate (no more shipments or loads) or activate. */
export function StockTypeTable({ types }: { types: Row[] }) {
  const t = useTranslations("StockTypes");
  if (types.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <Table caption={t("caption")} minWidth="min-w-[40rem]">
      <TableHeader>
        <TableRow>
          <TableHead>{t("code")}</TableHead>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("products")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {types.map((row) => (
          <TableRow key={row.id} className="align-top">
            <TableCell className="font-mono">{row.code}</TableCell>
            <TableCell>
              <RenameForm row={row} />
            </TableCell>
            <TableCell>{row.products}</TableCell>
            <TableCell>{row.active ? t("inUse") : t("deactivated")}</TableCell>
            <TableCell>
              <ActiveToggle row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
