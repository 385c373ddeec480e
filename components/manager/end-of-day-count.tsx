"use client";

// One place's end-of-day count: how the expected figure comes about (opening balance and the
// day's movements), then the counted figure entered by the signed-in manager and confirmed on the
// same form by a second person of the branch (the shared dual-control form: password or the bank's
// single sign-on). After a count, the result replaces the form: a place is counted once a day.
import type { EndOfDayPlace } from "@/lib/stock/end-of-day-page";
import { recordStockCountAction } from "@/lib/actions/manager/record-stock-count";
import { fieldNames } from "@/lib/actions/fields";
import { MOVEMENT_ORDER, placeLabel, signed } from "@/lib/stock/end-of-day";
import { MOVEMENT_LABEL } from "@/lib/stock/labels";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { DualControlForm } from "./dual-control-form";

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

export function EndOfDayCount({
  place,
  day,
  canCount,
  sso,
}: {
  place: EndOfDayPlace;
  day: string;
  canCount: boolean;
  /** The bank's single sign-on for the second person, or null. */
  sso: string | null;
}) {
  const where = placeLabel(place);
  const id = `${place.place}-${place.stationId ?? "none"}-${place.stockTypeId}`;
  return (
    <Card title={`${where} · ${place.stockTypeName}`} level={3} className="min-w-0">
      <div className="grid gap-4 md:grid-cols-[auto_1fr]">
        <Breakdown place={place} />
        {place.count ? (
          <Result place={place} />
        ) : canCount ? (
          // On success the page is revalidated and the result replaces the form.
          <DualControlForm
            id={id}
            step="stock.count"
            action={recordStockCountAction}
            submitLabel={`Record the count of ${where}`}
            done={(d) => `Counted ${d.counted}, expected ${d.expected}.`}
            label={`Count of ${where}`}
            sso={sso}
            className="grid gap-3 sm:grid-cols-3 sm:items-start"
          >
            {(errors) => (
              <>
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
                {/* The hidden fields' refusals (a day no longer countable) are the form's own. */}
                {errors?.businessDate || errors?.stationId ? (
                  <div className="sm:col-span-2">
                    <Alert tone="error">{errors.businessDate?.[0] ?? errors.stationId?.[0]}</Alert>
                  </div>
                ) : null}
              </>
            )}
          </DualControlForm>
        ) : (
          <p className="text-sm text-slate-700">Not counted yet. The branch manager records the count.</p>
        )}
      </div>
    </Card>
  );
}
