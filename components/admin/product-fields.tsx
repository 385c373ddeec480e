import { useTranslations } from "next-intl";
import type { Branch } from "@/db/schema";
import type { AdminProduct } from "@/db/queries/products";
import type { createProductAction } from "@/lib/actions/admin/create-product";
import type { updateProductAction } from "@/lib/actions/admin/update-product";
import { fieldNames } from "@/lib/actions/fields";
import { classToCharacters } from "@/lib/emboss-characters";
import { CUSTOMER_TYPES, TRANSLITERATIONS } from "@/lib/vocabulary";
import { schemeOf } from "@/lib/issuance/emboss";
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
  const t = useTranslations("ProductForm");
  const v = useTranslations("Vocab");
  const f = "product";
  const s = product.services ?? {};
  const pa = product.paymentApplication;
  const e = product.embossRules;
  return (
    <>
      <fieldset className={group}>
        <legend className={legend}>{t("groupProduct")}</legend>
        <InputField
          id={`${f}-name`}
          errors={errors?.name}
          name={field("name")}
          label={t("name")}
          defaultValue={product.name}
          required
        />
        <InputField
          id={`${f}-d1CardProductId`}
          errors={errors?.d1CardProductId}
          name={field("d1CardProductId")}
          label={t("d1CardProductId")}
          defaultValue={product.d1CardProductId}
          required
          readOnly={locked}
          hint={locked ? t("locked") : t("d1CardProductIdHint")}
        />
        <InputField
          id={`${f}-bin`}
          errors={errors?.bin}
          name={field("bin")}
          label={t("bin")}
          inputMode="numeric"
          defaultValue={product.bin}
          required
          readOnly={locked}
          hint={locked ? t("locked") : t("binHint")}
        />
        <InputField
          id={`${f}-panLength`}
          errors={errors?.panLength}
          name={field("panLength")}
          label={t("panLength")}
          type="number"
          min={13}
          max={19}
          defaultValue={product.panLength ?? 16}
          required
          readOnly={locked}
          hint={locked ? t("locked") : undefined}
        />
        <InputField
          id={`${f}-expiryMonths`}
          errors={errors?.expiryMonths}
          name={field("expiryMonths")}
          label={t("expiryMonths")}
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
            label={t("activateAtHandOver")}
            aria-describedby={`${f}-activateAtHandOver-hint`}
            defaultChecked={product.activateAtHandOver ?? true}
          />
          <p id={`${f}-activateAtHandOver-hint`} className="text-sm text-slate-700">
            {t("activateAtHandOverHint")}
          </p>
        </div>
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>{t("groupServices")}</legend>
        <InputField
          id={`${f}-priority`}
          errors={errors?.priority}
          name={field("priority")}
          label={t("priority")}
          defaultValue={s.priority}
        />
        <InputField
          id={`${f}-delivery`}
          errors={errors?.delivery}
          name={field("delivery")}
          label={t("delivery")}
          defaultValue={s.delivery}
          placeholder="NO_SHIPMENT"
        />
        <InputField
          id={`${f}-cardCarrier`}
          errors={errors?.cardCarrier}
          name={field("cardCarrier")}
          label={t("cardCarrier")}
          defaultValue={s.cardCarrier}
          placeholder="NO_CARRIER"
        />
        <InputField
          id={`${f}-packaging`}
          errors={errors?.packaging}
          name={field("packaging")}
          label={t("packaging")}
          defaultValue={s.packaging}
          placeholder="NO_PACK"
        />
        <div className="flex flex-col justify-center">
          <Checkbox name={field("pinMailer")} label={t("pinMailer")} defaultChecked={s.pinMailer ?? false} />
          <Checkbox name={field("alphaCard")} label={t("alphaCard")} defaultChecked={s.alphaCard ?? false} />
        </div>
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>{t("groupPayment")}</legend>
        <InputField
          id={`${f}-paConfig`}
          errors={errors?.paConfig}
          name={field("paConfig")}
          label={t("paConfig")}
          defaultValue={pa?.config}
          required
          hint={t("paConfigHint")}
        />
        <InputField
          id={`${f}-odaKeyIndex`}
          errors={errors?.odaKeyIndex}
          name={field("odaKeyIndex")}
          label={t("odaKeyIndex")}
          defaultValue={pa?.odaKeyIndex}
        />
        <InputField
          id={`${f}-derivationKeyIndex`}
          errors={errors?.derivationKeyIndex}
          name={field("derivationKeyIndex")}
          label={t("derivationKeyIndex")}
          defaultValue={pa?.derivationKeyIndex}
        />
        <InputField
          id={`${f}-cvKeyIndex`}
          errors={errors?.cvKeyIndex}
          name={field("cvKeyIndex")}
          label={t("cvKeyIndex")}
          defaultValue={pa?.cvKeyIndex}
        />
        <InputField
          id={`${f}-pvKeyIndex`}
          errors={errors?.pvKeyIndex}
          name={field("pvKeyIndex")}
          label={t("pvKeyIndex")}
          defaultValue={pa?.pvKeyIndex}
        />
      </fieldset>
      <fieldset className={group}>
        <legend className={legend}>{t("groupEmboss")}</legend>
        <InputField
          id={`${f}-embossMaxLength`}
          errors={errors?.embossMaxLength}
          name={field("embossMaxLength")}
          label={t("embossMaxLength")}
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
          label={t("embossAllowed")}
          defaultValue={classToCharacters(e?.allowedCharacters ?? "A-Z0-9 .'\\-/")}
          required
          hint={t("embossAllowedHint")}
        />
        <Field
          id={`${f}-embossTransliteration`}
          label={t("transliteration")}
          hint={t("transliterationHint")}
          errors={errors?.embossTransliteration}
        >
          {(control) => (
            <Select
              {...control}
              name={field("embossTransliteration")}
              // A product saved before this choice existed removed accents; a new one follows passports.
              defaultValue={e ? schemeOf(e) : "icao"}
            >
              {TRANSLITERATIONS.map((scheme) => (
                <option key={scheme} value={scheme}>
                  {v(`transliteration.${scheme}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex items-center">
          <Checkbox name={field("embossUppercase")} label={t("uppercase")} defaultChecked={e?.uppercase ?? true} />
        </div>
      </fieldset>
      <fieldset className={group} aria-describedby="product-customerTypes-error">
        <legend className={legend}>{t("groupCounter")}</legend>
        <InputField
          id={`${f}-minAge`}
          errors={errors?.minAge}
          name={field("minAge")}
          label={t("minAge")}
          type="number"
          min={0}
          max={120}
          defaultValue={product.minAge ?? undefined}
          hint={t("minAgeHint")}
        />
        <InputField
          id={`${f}-maxAge`}
          errors={errors?.maxAge}
          name={field("maxAge")}
          label={t("maxAge")}
          type="number"
          min={0}
          max={120}
          defaultValue={product.maxAge ?? undefined}
          hint={t("maxAgeHint")}
        />
        <div>
          <p className="text-sm font-medium">{t("customerTypes")}</p>
          {CUSTOMER_TYPES.map((type) => (
            <Checkbox
              key={type}
              name={field("customerTypes")}
              value={type}
              label={type === "private" ? t("customerTypePrivate") : t("customerTypeBusiness")}
              defaultChecked={product.customerTypes?.includes(type) ?? false}
              className="mr-4"
            />
          ))}
          <FieldError id="product-customerTypes-error" errors={errors?.customerTypes} />
        </div>
        <Checkbox
          name={field("needsAccount")}
          label={t("needsAccount")}
          defaultChecked={product.needsAccount ?? false}
        />
        <Checkbox
          name={field("needsApproval")}
          label={t("needsApproval")}
          defaultChecked={product.needsApproval ?? false}
        />
        <Checkbox
          name={field("isTestProduct")}
          label={t("isTestProduct")}
          aria-describedby="product-isTestProduct-error"
          defaultChecked={product.isTestProduct ?? false}
        />
        <FieldError id="product-isTestProduct-error" errors={errors?.isTestProduct} />
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-4" aria-describedby="product-branchIds-error">
        <legend className={legend}>{t("groupBranches")}</legend>
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
