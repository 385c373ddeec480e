"use client";

// The manager's stock movements, each under dual control: receive a shipment into the vault,
// load a station from the vault, destroy spoiled cards. `sso`: the bank's single sign-on, which
// the second person may confirm with instead of a password.
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
const cards = (n: number) => (n === 1 ? "1 card" : `${n} cards`);

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
  return (
    <DualControlForm
      id="receive"
      step="stock.receive"
      sso={sso}
      action={receiveStockAction}
      submitLabel="Receive into the vault"
      done={(d) => `${cards(d.quantity)} of ${d.stockType} received into the vault, confirmed by ${d.secondBy}.`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <OptionSelect id="receive" name="stockTypeId" label="Card stock" options={stockTypes} errors={errors} />
          <InputField
            id="receive-quantity"
            name={receive("quantity")}
            label="Number of cards"
            inputMode="numeric"
            errors={errors?.quantity}
            required
          />
          <InputField id="receive-lot" name={receive("lot")} label="Lot" errors={errors?.lot} required />
          <InputField
            id="receive-supplierRef"
            name={receive("supplierRef")}
            label="Supplier reference (delivery note)"
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
  return (
    <DualControlForm
      id="load"
      step="stock.load"
      sso={sso}
      action={loadStationAction}
      submitLabel="Load the station"
      done={(d) => `${cards(d.quantity)} loaded into ${d.station}, confirmed by ${d.secondBy}.`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <OptionSelect id="load" name="stockTypeId" label="Card stock" options={stockTypes} errors={errors} />
          <OptionSelect id="load" name={load("stationId")} label="Station" options={stations} errors={errors} />
          <InputField
            id="load-quantity"
            name={load("quantity")}
            label="Number of cards"
            hint="Taken from the vault; never more than it holds."
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
  return (
    <DualControlForm
      id="destroy"
      step="stock.destroy"
      sso={sso}
      action={destroySpoiledAction}
      submitLabel="Record the destruction"
      done={(d) => `${cards(d.quantity)} destroyed, confirmed by ${d.secondBy}.`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <OptionSelect id="destroy" name="stockTypeId" label="Card stock" options={stockTypes} errors={errors} />
          <InputField
            id="destroy-quantity"
            name={destroy("quantity")}
            label="Number of spoiled cards destroyed"
            inputMode="numeric"
            errors={errors?.quantity}
            required
          />
          <InputField
            id="destroy-note"
            name={destroy("note")}
            label="Note (optional)"
            placeholder="e.g. shredded, certificate 2026-114"
            errors={errors?.note}
            className="sm:col-span-2"
          />
        </div>
      )}
    </DualControlForm>
  );
}
