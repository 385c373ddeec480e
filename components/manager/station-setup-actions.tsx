"use client";

import { useState, useTransition } from "react";
import { deleteStationAction } from "@/lib/actions/manager/delete-station";
import { printTestCardAction } from "@/lib/actions/manager/print-test-card";
import { renameStationAction } from "@/lib/actions/manager/rename-station";
import { verifyStationAction } from "@/lib/actions/manager/verify-station";
import type { StationHealth } from "@/lib/stations/health";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";

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
      finish(
        await verifyStationAction({ stationId: station.id, testCardPrinted: true }),
        `${station.label} is verified. Enable it when tellers may send cards to it.`,
      ),
    );
  const printTest = () =>
    startTransition(async () =>
      finish(
        await printTestCardAction({ stationId: station.id }),
        `A test card (${testProduct?.name ?? "test product"}) is on its way to ${station.label}.`,
      ),
    );
  const remove = () =>
    startTransition(async () =>
      finish(
        await deleteStationAction({ stationId: station.id }),
        `${station.label} (${station.persoStation}) is deleted.`,
      ),
    );
  const rename = (form: FormData) =>
    startTransition(async () => {
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === "string" ? value : "";
      };
      const [label, location] = [text("label"), text("location")];
      finish(
        await renameStationAction({ stationId: station.id, label, location }),
        `The station is now called ${label}.`,
      );
    });

  const open = (next: Step) => {
    setStep(next);
    setError(null);
    setFieldErrors({});
  };

  const print = station.testPrint;
  const printLabel = print?.failed ? "Retry test card" : "Print test card";

  return (
    <div className="flex flex-col items-end gap-2">
      {print && (!station.verifiedAt || print.done) ? (
        <p
          role="status"
          data-testid="test-print"
          className={`max-w-sm text-right text-sm ${print.failed ? "font-semibold text-red-900" : "text-slate-900"}`}
        >
          {print.failed ? <span aria-hidden>⚠ </span> : null}
          {print.words}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {!station.verifiedAt && testProduct && (!print || print.failed) ? (
          <Button disabled={pending} onClick={printTest} aria-label={`${printLabel}: ${station.label}`}>
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
            aria-label={`Confirm test card: ${station.label}`}
          >
            Confirm test card
          </Button>
        ) : null}
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => open("rename")}
          aria-label={`Rename: ${station.label}`}
        >
          Rename
        </Button>
        {!station.everUsed && !station.isDefault ? (
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => open("delete")}
            aria-label={`Delete: ${station.label}`}
          >
            Delete
          </Button>
        ) : null}
      </div>
      {step === "verify" ? (
        <div
          role="group"
          aria-label={`Test card on ${station.label}`}
          className="max-w-sm rounded-md border border-slate-300 bg-slate-50 p-3 text-left text-sm"
        >
          <p>
            Print a test card on {station.label} ({station.persoStation}) from the station&apos;s own test function, and
            check that it came out whole and readable. Then confirm here; the audit log records your name.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button disabled={pending} onClick={verify} autoFocus>
              A test card was printed here
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStep(null)}>
              Not yet
            </Button>
          </div>
        </div>
      ) : null}
      {step === "rename" ? (
        <form
          action={rename}
          aria-label={`Rename ${station.label}`}
          className="grid max-w-sm gap-2 text-left"
          noValidate
        >
          <InputField
            id={`rename-${station.id}-label`}
            label="Label"
            name="label"
            defaultValue={station.label}
            errors={fieldErrors.label}
            autoFocus
          />
          <InputField
            id={`rename-${station.id}-location`}
            label="Location (optional)"
            name="location"
            defaultValue={station.location}
            errors={fieldErrors.location}
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              Save name
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setStep(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {step === "delete" ? (
        <div
          role="alert"
          className="max-w-sm rounded-md border border-red-300 bg-red-50 p-3 text-left text-sm text-red-900"
        >
          <p>
            {station.label} ({station.persoStation}) never sent a card, so it can be deleted, e.g. when its id was
            mistyped. The audit log keeps a record of it.
          </p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={pending} onClick={remove} autoFocus>
              Delete station
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStep(null)}>
              Keep it
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
