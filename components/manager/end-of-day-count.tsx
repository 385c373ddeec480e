"use client";

// One place's end-of-day count: how the expected figure comes about (opening balance and the
// day's movements), then the counted figure entered by the signed-in manager and confirmed on the
// same form by a second person of the branch with their own e-mail and password. After a count,
// the result replaces the form: a place is counted once a day.
import { useActionState, useEffect, useRef } from "react";
import type { EndOfDayPlace } from "@/lib/stock/end-of-day-page";
import { recordStockCountAction } from "@/lib/actions/manager/record-stock-count";
import { fieldNames } from "@/lib/actions/fields";
import { MOVEMENT_ORDER, placeLabel, signed } from "@/lib/stock/end-of-day";
import { MOVEMENT_LABEL } from "@/lib/stock/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";

const field = fieldNames<typeof recordStockCountAction>();

function Breakdown({ place }: { place: EndOfDayPlace }) {
  const lines = MOVEMENT_ORDER.filter((m) => place.movements[m] !== 0);
  return (
    <dl className="grid grid-cols-[auto_auto] justify-start gap-x-6 gap-y-1 text-sm" data-testid="breakdown">
      <dt>Opening balance</dt>
      <dd className="text-right tabular-nums">{place.opening}</dd>
      {lines.map((m) => (
        <div key={m} className="contents">
          <dt>{MOVEMENT_LABEL[m]}</dt>
          <dd className="text-right tabular-nums">{signed(place.movements[m])}</dd>
        </div>
      ))}
      <dt className="font-semibold">Expected</dt>
      <dd className="text-right font-semibold tabular-nums">{place.expected}</dd>
    </dl>
  );
}

function Result({ place }: { place: EndOfDayPlace }) {
  const c = place.count!;
  const difference = c.counted - c.expected;
  return (
    <div className="self-start">
      <Alert tone={difference === 0 ? "success" : "error"} live>
        {difference === 0
          ? `Balanced: ${c.counted} counted, as expected.`
          : `Difference of ${signed(difference)}: expected ${c.expected}, counted ${c.counted}. ${c.explanation ? "Explained and booked as a correction." : "A manager must explain it."}`}{" "}
        Counted by {c.countedBy}, confirmed by {c.confirmedBy}.
      </Alert>
    </div>
  );
}

export function EndOfDayCount({ place, day, canCount }: { place: EndOfDayPlace; day: string; canCount: boolean }) {
  const [state, formAction, pending] = useActionState(recordStockCountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // As in every dual-control form (dual-control-form.tsx): a refused signature keeps what was
  // typed except the second person's password.
  useEffect(() => {
    if (!state || state.ok) return;
    const password = formRef.current?.elements.namedItem("secondPassword");
    if (password instanceof HTMLInputElement) password.value = "";
  }, [state]);
  const where = placeLabel(place);
  const id = `${place.place}-${place.stationId ?? "none"}-${place.stockTypeId}`;
  return (
    <Card title={`${where} · ${place.stockTypeName}`} level={3} className="min-w-0">
      <div className="grid gap-4 md:grid-cols-[auto_1fr]">
        <Breakdown place={place} />
        {place.count ? (
          <Result place={place} />
        ) : canCount ? (
          <form
            ref={formRef}
            action={formAction}
            onSubmit={keepValuesOnSubmit(formAction)}
            className="grid gap-3 sm:grid-cols-3 sm:items-start"
            aria-label={`Count of ${where}`}
            noValidate
          >
            <input type="hidden" name={field("stockTypeId")} value={place.stockTypeId} />
            <input type="hidden" name={field("place")} value={place.place} />
            <input type="hidden" name={field("stationId")} value={place.stationId ?? ""} />
            <input type="hidden" name={field("businessDate")} value={day} />
            <InputField
              id={`${id}-counted`}
              name={field("counted")}
              label="Cards counted"
              inputMode="numeric"
              autoComplete="off"
              errors={errors?.counted}
              required
            />
            <InputField
              id={`${id}-second-email`}
              name={field("secondEmail")}
              label="Second person's e-mail"
              type="email"
              autoComplete="off"
              errors={errors?.secondEmail}
              required
            />
            <InputField
              id={`${id}-second-password`}
              name={field("secondPassword")}
              label="Second person's password"
              type="password"
              autoComplete="off"
              errors={errors?.secondPassword}
              required
            />
            <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
              <Button type="submit" disabled={pending}>
                {pending ? "Recording…" : `Record the count of ${where}`}
              </Button>
              <div aria-live="polite" className="text-sm">
                {state && !state.ok && (!errors || errors.businessDate || errors.stationId) ? (
                  <Alert tone="error">{errors?.businessDate?.[0] ?? state.message}</Alert>
                ) : null}
              </div>
            </div>
          </form>
        ) : (
          <p className="text-sm text-slate-700">Not counted yet. The branch manager records the count.</p>
        )}
      </div>
    </Card>
  );
}
