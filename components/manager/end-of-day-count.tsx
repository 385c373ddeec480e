"use client";

// One place's end-of-day count: how the expected figure comes about (opening balance and the
// day's movements), then the counted figure entered by the signed-in manager and confirmed on the
// same form by a second person of the branch (the shared dual-control form: password or the bank's
// single sign-on). After a count, the result replaces the form: a place is counted once a day.
import { useTranslations } from "next-intl";
import type { EndOfDayPlace } from "@/lib/stock/end-of-day-page";
import { recordStockCountAction } from "@/lib/actions/manager/record-stock-count";
import { fieldNames } from "@/lib/actions/fields";
import { MOVEMENT_ORDER, signed } from "@/lib/stock/end-of-day";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { DualControlForm } from "./dual-control-form";
import { usePlaceName } from "./place-name";

const field = fieldNames<typeof recordStockCountAction>();

function Breakdown({ place }: { place: EndOfDayPlace }) {
  const t = useTranslations("EndOfDay");
  const v = useTranslations("Vocab");
  const lines = MOVEMENT_ORDER.filter((m) => place.movements[m] !== 0);
  return (
    <dl className="grid grid-cols-[auto_auto] justify-start gap-x-6 gap-y-1 text-sm" data-testid="breakdown">
      <dt>{t("opening")}</dt>
      <dd className="text-right tabular-nums">{place.opening}</dd>
      {lines.map((m) => (
        <div key={m} className="contents">
          <dt>{v(`stockMovement.${m}`)}</dt>
          <dd className="text-right tabular-nums">{signed(place.movements[m])}</dd>
        </div>
      ))}
      <dt className="font-semibold">{t("expected")}</dt>
      <dd className="text-right font-semibold tabular-nums">{place.expected}</dd>
    </dl>
  );
}

function Result({ place }: { place: EndOfDayPlace }) {
  const t = useTranslations("EndOfDay");
  const c = place.count!;
  const difference = c.counted - c.expected;
  return (
    <div className="self-start">
      <Alert tone={difference === 0 ? "success" : "error"} live>
        {difference === 0
          ? t("balanced", { counted: c.counted })
          : `${t("differenceOf", { difference: signed(difference), expected: c.expected, counted: c.counted })} ${c.explanation ? t("explainedBooked") : t("mustExplain")}`}{" "}
        {t("countedBy", { countedBy: c.countedBy, confirmedBy: c.confirmedBy })}
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
  const t = useTranslations("EndOfDay");
  const where = usePlaceName()(place);
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
            submitLabel={t("recordCount", { place: where })}
            done={(d) => t("countedDone", { counted: d.counted, expected: d.expected })}
            label={t("countOfPlace", { place: where })}
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
                  label={t("cardsCounted")}
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
          <p className="text-sm text-slate-700">{t("notCounted")}</p>
        )}
      </div>
    </Card>
  );
}
