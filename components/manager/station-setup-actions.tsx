"use client";

import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { deleteStationAction } from "@/lib/actions/manager/delete-station";
import { printTestCardAction } from "@/lib/actions/manager/print-test-card";
import { renameStationAction } from "@/lib/actions/manager/rename-station";
import { verifyStationAction } from "@/lib/actions/manager/verify-station";
import type { StationHealth } from "@/lib/stations/health";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { capitalisedIn } from "@/lib/capitalised";

type Step = "verify" | "rename" | "delete" | null;

/**
 * Setting a station up: print the bank's test product on it through D1 (the station is verified
 * when the card comes out), or where the bank has none confirm a test card by hand (a new station
 * stays disabled until then); rename it, or delete one that never sent a card (a mistyped id).
 * Each step that changes the record asks before it acts.
 */
export function StationSetupActions({
  station,
  testProduct,
  onDone,
}: {
  station: Pick<
    StationHealth,
    "id" | "label" | "location" | "persoStation" | "verifiedAt" | "everUsed" | "isDefault" | "testPrint"
  >;
  testProduct: { name: string } | null;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("Stations");
  const v = useTranslations("Vocab");
  const locale = useLocale();
  const label = station.label;
  const [pending, startTransition] = useTransition();
  const [step, setStep] = useState<Step>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

  const finish = (
    result: { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> },
    message: string,
  ) => {
    if (result.ok) {
      setStep(null);
      setError(null);
      setFieldErrors({});
      onDone(message);
    } else {
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.fieldErrors ? null : result.message);
    }
  };

  const verify = () =>
    startTransition(async () =>
      finish(await verifyStationAction({ stationId: station.id, testCardPrinted: true }), t("verifiedDone", { label })),
    );
  const printTest = () =>
    startTransition(async () =>
      finish(
        await printTestCardAction({ stationId: station.id }),
        t("testPrintDone", { product: testProduct?.name ?? t("testProduct"), label }),
      ),
    );
  const remove = () =>
    startTransition(async () =>
      finish(
        await deleteStationAction({ stationId: station.id }),
        t("deletedDone", { label, id: station.persoStation }),
      ),
    );
  const rename = (form: FormData) =>
    startTransition(async () => {
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === "string" ? value : "";
      };
      const [name, location] = [text("label"), text("location")];
      finish(
        await renameStationAction({ stationId: station.id, label: name, location }),
        t("renamedDone", { label: name }),
      );
    });

  const open = (next: Step) => {
    setStep(next);
    setError(null);
    setFieldErrors({});
  };

  const print = station.testPrint;
  const printLabel = print?.failed ? t("retryTestCard") : t("printTestCard");

  return (
    <div className="flex flex-col items-end gap-2">
      {print && (!station.verifiedAt || print.done) ? (
        <p
          role="status"
          data-testid="test-print"
          className={`max-w-sm text-right text-sm ${print.failed ? "font-semibold text-red-900" : "text-slate-900"}`}
        >
          {print.failed ? <span aria-hidden>⚠ </span> : null}
          {t(`testPrint.${print.key}`, {
            problem: print.problem ? capitalisedIn(v(`problem.${print.problem}`), locale) : "",
          })}
          {print.held ? ` (${t(`testPrint.held.${print.held}`)})` : null}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {!station.verifiedAt && testProduct && (!print || print.failed) ? (
          <Button disabled={pending} onClick={printTest} aria-label={t("actionOn", { action: printLabel, label })}>
            {printLabel}
          </Button>
        ) : null}
        {/* Kept beside the test print: where the bank has no test product it is the only way, and
            a test product's card can still be confirmed by hand (the audit log says which). */}
        {!station.verifiedAt ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => open("verify")}
            aria-label={t("confirmTestCardLabel", { label })}
          >
            {t("confirmTestCard")}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => open("rename")}
          aria-label={t("renameLabel", { label })}
        >
          {t("rename")}
        </Button>
        {!station.everUsed && !station.isDefault ? (
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => open("delete")}
            aria-label={t("deleteLabel", { label })}
          >
            {t("delete")}
          </Button>
        ) : null}
      </div>
      {step === "verify" ? (
        <div
          role="group"
          aria-label={t("testCardOn", { label })}
          className="max-w-sm rounded-md border border-slate-300 bg-slate-50 p-3 text-left text-sm"
        >
          <p>{t("verifyText", { label, id: station.persoStation })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button disabled={pending} onClick={verify} autoFocus>
              {t("verifyYes")}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStep(null)}>
              {t("notYet")}
            </Button>
          </div>
        </div>
      ) : null}
      {step === "rename" ? (
        <form
          action={rename}
          aria-label={t("renameForm", { label })}
          className="grid max-w-sm gap-2 text-left"
          noValidate
        >
          <InputField
            id={`rename-${station.id}-label`}
            label={t("label")}
            name="label"
            defaultValue={station.label}
            errors={fieldErrors.label}
            autoFocus
          />
          <InputField
            id={`rename-${station.id}-location`}
            label={t("location")}
            name="location"
            defaultValue={station.location}
            errors={fieldErrors.location}
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {t("saveName")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setStep(null)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
      {step === "delete" ? (
        <div
          role="alert"
          className="max-w-sm rounded-md border border-red-300 bg-red-50 p-3 text-left text-sm text-red-900"
        >
          <p>{t("deleteText", { label, id: station.persoStation })}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={pending} onClick={remove} autoFocus>
              {t("deleteStation")}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStep(null)}>
              {t("keepIt")}
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-sm text-right text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
