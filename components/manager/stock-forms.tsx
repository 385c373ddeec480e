"use client";

// The manager's stock movements, each under dual control: receive a shipment into the vault,
// load a station from the vault, destroy spoiled cards. `sso`: the bank's single sign-on, which
// the second person may confirm with instead of a password.
import { useTranslations } from "next-intl";
import { destroySpoiledAction } from "@/lib/actions/manager/destroy-spoiled";
import { loadStationAction } from "@/lib/actions/manager/load-station";
import { receiveStockAction } from "@/lib/actions/manager/receive-stock";
import { fieldNames } from "@/lib/actions/fields";
import { Field, InputField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { DualControlForm } from "./dual-control-form";

type Option = { id: string; name: string };
type Errors = Record<string, string[] | undefined> | undefined;

const receive = fieldNames<typeof receiveStockAction>();
const load = fieldNames<typeof loadStationAction>();
const destroy = fieldNames<typeof destroySpoiledAction>();

/** A required choice among `options`, posted as `name` (the stock type, the station). */
function OptionSelect({
  id,
  name,
  label,
  options,
  errors,
}: {
  id: string;
  name: "stockTypeId" | "stationId";
  label: string;
  options: Option[];
  errors: Errors;
}) {
  return (
    <Field id={`${id}-${name}`} label={label} errors={errors?.[name]}>
      {(control) => (
        <Select {...control} name={name} required>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function ReceiveStockForm({ stockTypes, sso }: { stockTypes: Option[]; sso: string | null }) {
  const t = useTranslations("Stock");
  return (
    <DualControlForm
      id="receive"
      step="stock.receive"
      sso={sso}
      action={receiveStockAction}
      submitLabel={t("receiveSubmit")}
      done={(d) => t("receivedDone", { count: d.quantity, stockType: d.stockType, second: d.secondBy })}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <OptionSelect id="receive" name="stockTypeId" label={t("cardStock")} options={stockTypes} errors={errors} />
          <InputField
            id="receive-quantity"
            name={receive("quantity")}
            label={t("quantity")}
            inputMode="numeric"
            errors={errors?.quantity}
            required
          />
          <InputField id="receive-lot" name={receive("lot")} label={t("lotLabel")} errors={errors?.lot} required />
          <InputField
            id="receive-supplierRef"
            name={receive("supplierRef")}
            label={t("supplierRef")}
            errors={errors?.supplierRef}
            required
          />
        </div>
      )}
    </DualControlForm>
  );
}

export function LoadStationForm({
  stockTypes,
  stations,
  sso,
}: {
  stockTypes: Option[];
  stations: Option[];
  sso: string | null;
}) {
  const t = useTranslations("Stock");
  return (
    <DualControlForm
      id="load"
      step="stock.load"
      sso={sso}
      action={loadStationAction}
      submitLabel={t("loadSubmit")}
      done={(d) => t("loadedDone", { count: d.quantity, station: d.station, second: d.secondBy })}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <OptionSelect id="load" name="stockTypeId" label={t("cardStock")} options={stockTypes} errors={errors} />
          <OptionSelect id="load" name={load("stationId")} label={t("station")} options={stations} errors={errors} />
          <InputField
            id="load-quantity"
            name={load("quantity")}
            label={t("quantity")}
            hint={t("loadHint")}
            inputMode="numeric"
            errors={errors?.quantity}
            required
          />
        </div>
      )}
    </DualControlForm>
  );
}

export function DestroySpoiledForm({ stockTypes, sso }: { stockTypes: Option[]; sso: string | null }) {
  const t = useTranslations("Stock");
  return (
    <DualControlForm
      id="destroy"
      step="stock.destroy"
      sso={sso}
      action={destroySpoiledAction}
      submitLabel={t("destroySubmit")}
      done={(d) => t("destroyedDone", { count: d.quantity, second: d.secondBy })}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <OptionSelect id="destroy" name="stockTypeId" label={t("cardStock")} options={stockTypes} errors={errors} />
          <InputField
            id="destroy-quantity"
            name={destroy("quantity")}
            label={t("destroyQuantity")}
            inputMode="numeric"
            errors={errors?.quantity}
            required
          />
          <InputField
            id="destroy-note"
            name={destroy("note")}
            label={t("note")}
            placeholder={t("notePlaceholder")}
            errors={errors?.note}
            className="sm:col-span-2"
          />
        </div>
      )}
    </DualControlForm>
  );
}
