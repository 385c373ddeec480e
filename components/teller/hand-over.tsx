"use client";

// The end of the counter's flow for a produced card: the teller checks the customer's identity
// document, records the hand-over, and then sees the card's activation, the receipt and the way
// to the next customer (hand-over-result.tsx).
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect, useState } from "react";
import type { JobView } from "@/db/queries/job-views";
import { fieldNames } from "@/lib/actions/fields";
import { handOverAction } from "@/lib/actions/teller/hand-over";
import { ID_DOCUMENT_TYPES } from "@/lib/vocabulary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { Select } from "@/components/ui/select";
import { HandOverResult } from "./hand-over-result";

const field = fieldNames<typeof handOverAction>();

export type HandOverJob = Pick<
  JobView,
  | "id"
  | "state"
  | "productName"
  | "panLast4"
  | "cardStatus"
  | "activationError"
  | "activateAtHandOver"
  | "destroyIfProduced"
  | "replacedCard"
  | "idDocumentType"
  | "idDocumentLast"
  | "events"
>;

/** A produced card: the hand-over form; a handed-over card: what became of it, and what next. */
export function HandOver({ job }: { job: HandOverJob }) {
  // Focus moves to the result only when the teller has just recorded the hand-over here.
  const [recordedHere] = useState(job.state === "done");
  if (job.state === "handed_over") return <HandOverResult job={job} focus={recordedHere} />;
  return <HandOverForm job={job} />;
}

function HandOverForm({ job }: { job: HandOverJob }) {
  const queryClient = useQueryClient();
  const [state, formAction, pending] = useActionState(handOverAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const t = useTranslations("HandOver");
  const v = useTranslations("Vocab");
  useEffect(() => {
    // The live event refetches the job too; asking at once saves the teller waiting for it.
    if (state?.ok) void queryClient.invalidateQueries({ queryKey: ["job", job.id] });
  }, [state, queryClient, job.id]);
  if (job.destroyIfProduced) {
    return (
      <Alert tone="error">
        <p className="font-semibold">{t("canceledDestroy")}</p>
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      <Alert tone="success">
        <p className="text-lg font-semibold" data-testid="hand-over">
          {t("handOver", { product: job.productName, last4: job.panLast4 ?? "" })}
        </p>
        <p>{t("askCustomer")}</p>
      </Alert>
      <section aria-labelledby="hand-over-heading" className="rounded-md border border-slate-300 bg-white p-4">
        <h2 id="hand-over-heading" className="text-base font-semibold">
          {t("record")}
        </h2>
        <p className="text-sm text-slate-700">
          {job.activateAtHandOver ? t("activatedOnRecord") : t("notActivatedHere")}
        </p>
        {state && !state.ok && !errors ? (
          <Alert tone="error" live>
            {state.message}
          </Alert>
        ) : null}
        <form
          action={formAction}
          onSubmit={keepValuesOnSubmit(formAction)}
          className="mt-3 grid gap-4 sm:grid-cols-2"
          noValidate
        >
          <input type="hidden" name={field("jobId")} value={job.id} />
          <Field id="id-document-type" label={t("idDocument")} errors={errors?.idDocumentType}>
            {(control) => (
              <Select {...control} name={field("idDocumentType")} defaultValue="" required>
                <option value="" disabled>
                  {t("chooseDocument")}
                </option>
                {ID_DOCUMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {v(`idDocument.${type}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <InputField
            id="id-document-last"
            name={field("idDocumentLast")}
            label={t("idLast")}
            hint={t("idLastHint")}
            errors={errors?.idDocumentLast}
            autoComplete="off"
            spellCheck={false}
            maxLength={4}
            required
            inputClassName="font-mono uppercase"
          />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? t("recording") : t("submit")}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
