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
  return (
    <Field
      id="product-stockTypeId"
      label="Card stock (blank plastic)"
      hint="Each card produced takes one from its station's stock."
      errors={errors}
    >
      {(control) => (
        <Select {...control} name={field("stockTypeId")} defaultValue={value}>
          <option value="">None: cards are not counted</option>
          {stockTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.active === false ? `${t.name} (inactive: kept while this product uses it)` : t.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
