import { useTranslations } from "next-intl";
import type { createProductAction } from "@/lib/actions/admin/create-product";
import type { updateProductAction } from "@/lib/actions/admin/update-product";
import { fieldNames } from "@/lib/actions/fields";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

const field = fieldNames<typeof createProductAction | typeof updateProductAction>();

/**
 * The blank card plastic a product prints on: each produced card takes one from its station. The
 * product's own stock type stays a choice after it was deactivated (labelled so), so that the form
 * shows it rather than "None" and saving without touching it keeps it.
 */
export function StockTypeField({
  stockTypes,
  value,
  errors,
}: {
  stockTypes: Array<{ id: string; name: string; active?: boolean }>;
  value: string;
  errors?: string[];
}) {
  const t = useTranslations("ProductForm");
  return (
    <Field id="product-stockTypeId" label={t("stockType")} hint={t("stockTypeHint")} errors={errors}>
      {(control) => (
        <Select {...control} name={field("stockTypeId")} defaultValue={value}>
          <option value="">{t("stockTypeNone")}</option>
          {stockTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.active === false ? t("stockTypeInactive", { name: type.name }) : type.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
