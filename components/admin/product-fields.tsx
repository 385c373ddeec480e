import type { Branch } from "@/db/schema";
import type { AdminProduct } from "@/db/queries/products";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field-error";
import { FormField } from "./form-field";

type Errors = Record<string, string[] | undefined> | undefined;
type P = Partial<Pick<AdminProduct, "name" | "d1CardProductId" | "bin" | "panLength" | "expiryMonths" | "services" | "paymentApplication" | "embossRules" | "branchIds">>;

const group = "grid gap-x-4 gap-y-1 rounded-md border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-3";
const legend = "px-1 text-sm font-semibold";

/** The product's fields in groups that mirror D1's request: identity, services, payment application, emboss. */
export function ProductFields({ product, branches, errors }: { product: P; branches: Branch[]; errors: Errors }) {
  const f = "product";
  const s = product.services ?? {};
  const pa = product.paymentApplication;
  const e = product.embossRules;
  return (
    <>
      <fieldset className={group}>
        <legend className={legend}>Product</legend>
        <FormField form={f} errors={errors} name="name" label="Name tellers see" defaultValue={product.name} required />
        <FormField form={f} errors={errors} name="d1CardProductId" label="D1 cardProductId" defaultValue={product.d1CardProductId} required hint="As set up at D1 onboarding." />
        <FormField form={f} errors={errors} name="bin" label="BIN" inputMode="numeric" defaultValue={product.bin} required hint="6 to 11 digits." />
        <FormField form={f} errors={errors} name="panLength" label="PAN length" type="number" min={13} max={19} defaultValue={product.panLength ?? 16} required />
        <FormField form={f} errors={errors} name="expiryMonths" label="Valid for (months)" type="number" min={1} max={120} defaultValue={product.expiryMonths ?? 36} required />
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>D1 services (defaults; leave empty for D1&apos;s own)</legend>
        <FormField form={f} errors={errors} name="priority" label="Priority" defaultValue={s.priority} />
        <FormField form={f} errors={errors} name="delivery" label="Delivery" defaultValue={s.delivery} placeholder="NO_SHIPMENT" />
        <FormField form={f} errors={errors} name="cardCarrier" label="Card carrier" defaultValue={s.cardCarrier} placeholder="NO_CARRIER" />
        <FormField form={f} errors={errors} name="packaging" label="Packaging" defaultValue={s.packaging} placeholder="NO_PACK" />
        <div className="flex flex-col justify-center">
          <Checkbox name="pinMailer" label="Send a PIN mailer" defaultChecked={s.pinMailer ?? false} />
          <Checkbox name="alphaCard" label="Alpha (sample) card" defaultChecked={s.alphaCard ?? false} />
        </div>
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>Payment application (D1 references)</legend>
        <FormField form={f} errors={errors} name="paConfig" label="Configuration" defaultValue={pa?.config} required hint="e.g. VISA_DEBIT_A" />
        <FormField form={f} errors={errors} name="odaKeyIndex" label="ODA key index" defaultValue={pa?.odaKeyIndex} />
        <FormField form={f} errors={errors} name="derivationKeyIndex" label="Derivation key index" defaultValue={pa?.derivationKeyIndex} />
        <FormField form={f} errors={errors} name="cvKeyIndex" label="CVK index" defaultValue={pa?.cvKeyIndex} />
        <FormField form={f} errors={errors} name="pvKeyIndex" label="PVK index" defaultValue={pa?.pvKeyIndex} />
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>Name on the card</legend>
        <FormField form={f} errors={errors} name="embossMaxLength" label="Longest name (characters)" type="number" min={2} max={26} defaultValue={e?.maxLength ?? 26} required />
        <FormField form={f} errors={errors} name="embossAllowed" label="Allowed characters" defaultValue={e?.allowedCharacters ?? "A-Z0-9 .'\\-/"} required hint="Inside of a character class, e.g. A-Z0-9 .'\-/" className="font-mono" />
        <div className="flex items-center">
          <Checkbox name="embossUppercase" label="Capital letters only" defaultChecked={e?.uppercase ?? true} />
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-4" aria-describedby="product-branchIds-error">
        <legend className={legend}>Offered in these branches</legend>
        <div className="flex flex-wrap gap-x-6">
          {branches.map((b) => (
            <Checkbox key={b.id} name="branchIds" value={b.id} label={`${b.name} (${b.code})`} defaultChecked={product.branchIds?.includes(b.id) ?? false} />
          ))}
        </div>
        <FieldError id="product-branchIds-error" errors={errors?.branchIds} />
      </fieldset>
    </>
  );
}
