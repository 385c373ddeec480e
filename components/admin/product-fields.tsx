import type { Branch } from "@/db/schema";
import type { AdminProduct } from "@/db/queries/products";
import type { createProductAction } from "@/lib/actions/admin/create-product";
import type { updateProductAction } from "@/lib/actions/admin/update-product";
import { fieldNames } from "@/lib/actions/fields";
import { LOCKED_NOTE } from "@/lib/product-locks";
import { classToCharacters } from "@/lib/emboss-characters";
import { CUSTOMER_TYPES, TRANSLITERATIONS, type CustomerType } from "@/lib/vocabulary";
import { schemeOf } from "@/lib/issuance/emboss";
import { TRANSLITERATION_LABEL } from "@/lib/issuance/transliterate";
import { Select } from "@/components/ui/select";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, InputField } from "@/components/ui/field";
import { StockTypeField } from "./stock-type-field";
import { FieldError } from "@/components/ui/field-error";

// Shared by the create and edit forms, so only names both actions take.
const field = fieldNames<typeof createProductAction | typeof updateProductAction>();

type Errors = Record<string, string[] | undefined> | undefined;
type P = Partial<
  Pick<
    AdminProduct,
    | "name"
    | "d1CardProductId"
    | "bin"
    | "panLength"
    | "expiryMonths"
    | "services"
    | "paymentApplication"
    | "embossRules"
    | "branchIds"
    | "minAge"
    | "maxAge"
    | "customerTypes"
    | "needsAccount"
    | "needsApproval"
    | "isTestProduct"
    | "activateAtHandOver"
    | "stockTypeId"
  >
>;

const TYPE_LABEL: Record<CustomerType, string> = { private: "Private customers", business: "Business customers" };

const group = "grid gap-x-4 gap-y-1 rounded-md border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-3";
const legend = "px-1 text-sm font-semibold";

/** The product's fields in groups that mirror D1's request: identity, services, payment application, emboss. */
export function ProductFields({
  product,
  branches,
  errors,
  locked = false,
  stockTypes = [],
}: {
  product: P;
  branches: Branch[];
  errors: Errors;
  /** The product issued cards: D1 product id, BIN and PAN length are read-only (lib/product-locks.ts). */
  locked?: boolean;
  /** Active stock types (and the product's own, if deactivated since), for the plastic it prints on. */
  stockTypes?: Array<{ id: string; name: string; active?: boolean }>;
}) {
  const f = "product";
  const s = product.services ?? {};
  const pa = product.paymentApplication;
  const e = product.embossRules;
  return (
    <>
      <fieldset className={group}>
        <legend className={legend}>Product</legend>
        <InputField
          id={`${f}-name`}
          errors={errors?.name}
          name={field("name")}
          label="Name tellers see"
          defaultValue={product.name}
          required
        />
        <InputField
          id={`${f}-d1CardProductId`}
          errors={errors?.d1CardProductId}
          name={field("d1CardProductId")}
          label="D1 cardProductId"
          defaultValue={product.d1CardProductId}
          required
          readOnly={locked}
          hint={locked ? LOCKED_NOTE : "As set up at D1 onboarding."}
        />
        <InputField
          id={`${f}-bin`}
          errors={errors?.bin}
          name={field("bin")}
          label="BIN"
          inputMode="numeric"
          defaultValue={product.bin}
          required
          readOnly={locked}
          hint={locked ? LOCKED_NOTE : "6 to 11 digits."}
        />
        <InputField
          id={`${f}-panLength`}
          errors={errors?.panLength}
          name={field("panLength")}
          label="PAN length"
          type="number"
          min={13}
          max={19}
          defaultValue={product.panLength ?? 16}
          required
          readOnly={locked}
          hint={locked ? LOCKED_NOTE : undefined}
        />
        <InputField
          id={`${f}-expiryMonths`}
          errors={errors?.expiryMonths}
          name={field("expiryMonths")}
          label="Valid for (months)"
          type="number"
          min={1}
          max={120}
          defaultValue={product.expiryMonths ?? 36}
          required
        />
        <StockTypeField stockTypes={stockTypes} value={product.stockTypeId ?? ""} errors={errors?.stockTypeId} />
        <div className="flex flex-col justify-center">
          <Checkbox
            name={field("activateAtHandOver")}
            label="Activate the card at hand-over"
            aria-describedby={`${f}-activateAtHandOver-hint`}
            defaultChecked={product.activateAtHandOver ?? true}
          />
          <p id={`${f}-activateAtHandOver-hint`} className="text-sm text-slate-700">
            Off: the card stays inactive until the customer activates it.
          </p>
        </div>
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>D1 services (defaults; leave empty for D1&apos;s own)</legend>
        <InputField
          id={`${f}-priority`}
          errors={errors?.priority}
          name={field("priority")}
          label="Priority"
          defaultValue={s.priority}
        />
        <InputField
          id={`${f}-delivery`}
          errors={errors?.delivery}
          name={field("delivery")}
          label="Delivery"
          defaultValue={s.delivery}
          placeholder="NO_SHIPMENT"
        />
        <InputField
          id={`${f}-cardCarrier`}
          errors={errors?.cardCarrier}
          name={field("cardCarrier")}
          label="Card carrier"
          defaultValue={s.cardCarrier}
          placeholder="NO_CARRIER"
        />
        <InputField
          id={`${f}-packaging`}
          errors={errors?.packaging}
          name={field("packaging")}
          label="Packaging"
          defaultValue={s.packaging}
          placeholder="NO_PACK"
        />
        <div className="flex flex-col justify-center">
          <Checkbox name={field("pinMailer")} label="Send a PIN mailer" defaultChecked={s.pinMailer ?? false} />
          <Checkbox name={field("alphaCard")} label="Alpha (sample) card" defaultChecked={s.alphaCard ?? false} />
        </div>
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>Payment application (D1 references)</legend>
        <InputField
          id={`${f}-paConfig`}
          errors={errors?.paConfig}
          name={field("paConfig")}
          label="Configuration"
          defaultValue={pa?.config}
          required
          hint="e.g. VISA_DEBIT_A"
        />
        <InputField
          id={`${f}-odaKeyIndex`}
          errors={errors?.odaKeyIndex}
          name={field("odaKeyIndex")}
          label="ODA key index"
          defaultValue={pa?.odaKeyIndex}
        />
        <InputField
          id={`${f}-derivationKeyIndex`}
          errors={errors?.derivationKeyIndex}
          name={field("derivationKeyIndex")}
          label="Derivation key index"
          defaultValue={pa?.derivationKeyIndex}
        />
        <InputField
          id={`${f}-cvKeyIndex`}
          errors={errors?.cvKeyIndex}
          name={field("cvKeyIndex")}
          label="CVK index"
          defaultValue={pa?.cvKeyIndex}
        />
        <InputField
          id={`${f}-pvKeyIndex`}
          errors={errors?.pvKeyIndex}
          name={field("pvKeyIndex")}
          label="PVK index"
          defaultValue={pa?.pvKeyIndex}
        />
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>Name on the card</legend>
        <InputField
          id={`${f}-embossMaxLength`}
          errors={errors?.embossMaxLength}
          name={field("embossMaxLength")}
          label="Longest name (characters)"
          type="number"
          min={2}
          max={26}
          defaultValue={e?.maxLength ?? 26}
          required
        />
        <InputField
          id={`${f}-embossAllowed`}
          errors={errors?.embossAllowed}
          name={field("embossAllowed")}
          label="Allowed characters"
          defaultValue={classToCharacters(e?.allowedCharacters ?? "A-Z0-9 .'\\-/")}
          required
          hint="Ranges A-Z, a-z and 0-9, then any other character as it is, e.g. A-Z0-9 .'-/"
        />
        <Field
          id={`${f}-embossTransliteration`}
          label="Letters with accents"
          hint="The teller sees the name written this way and may still edit it."
          errors={errors?.embossTransliteration}
        >
          {(control) => (
            <Select
              {...control}
              name={field("embossTransliteration")}
              // A product saved before this choice existed removed accents; a new one follows passports.
              defaultValue={e ? schemeOf(e) : "icao"}
            >
              {TRANSLITERATIONS.map((t) => (
                <option key={t} value={t}>
                  {TRANSLITERATION_LABEL[t]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex items-center">
          <Checkbox
            name={field("embossUppercase")}
            label="Capital letters only"
            defaultChecked={e?.uppercase ?? true}
          />
        </div>
      </fieldset>
      <fieldset className={group} aria-describedby="product-customerTypes-error">
        <legend className={legend}>At the counter: who may have it</legend>
        <InputField
          id={`${f}-minAge`}
          errors={errors?.minAge}
          name={field("minAge")}
          label="Lowest age"
          type="number"
          min={0}
          max={120}
          defaultValue={product.minAge ?? undefined}
          hint="Empty: no lower limit."
        />
        <InputField
          id={`${f}-maxAge`}
          errors={errors?.maxAge}
          name={field("maxAge")}
          label="Highest age"
          type="number"
          min={0}
          max={120}
          defaultValue={product.maxAge ?? undefined}
          hint="Empty: no upper limit."
        />
        <div>
          <p className="text-sm font-medium">Customer types (none ticked: every customer)</p>
          {CUSTOMER_TYPES.map((t) => (
            <Checkbox
              key={t}
              name={field("customerTypes")}
              value={t}
              label={TYPE_LABEL[t]}
              defaultChecked={product.customerTypes?.includes(t) ?? false}
              className="mr-4"
            />
          ))}
          <FieldError id="product-customerTypes-error" errors={errors?.customerTypes} />
        </div>
        <Checkbox
          name={field("needsAccount")}
          label="Debit card: ask for the customer's account"
          defaultChecked={product.needsAccount ?? false}
        />
        <Checkbox
          name={field("needsApproval")}
          label="Needs approval: a manager approves each request before it is sent"
          defaultChecked={product.needsApproval ?? false}
        />
        <Checkbox
          name={field("isTestProduct")}
          label="Test product: printed on a new station to verify it, never offered to tellers"
          aria-describedby="product-isTestProduct-error"
          defaultChecked={product.isTestProduct ?? false}
        />
        <FieldError id="product-isTestProduct-error" errors={errors?.isTestProduct} />
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-4" aria-describedby="product-branchIds-error">
        <legend className={legend}>Offered in these branches</legend>
        <div className="flex flex-wrap gap-x-6">
          {branches.map((b) => (
            <Checkbox
              key={b.id}
              name={field("branchIds")}
              value={b.id}
              label={`${b.name} (${b.code})`}
              defaultChecked={product.branchIds?.includes(b.id) ?? false}
            />
          ))}
        </div>
        <FieldError id="product-branchIds-error" errors={errors?.branchIds} />
      </fieldset>
    </>
  );
}
