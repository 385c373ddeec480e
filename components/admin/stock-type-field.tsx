import type { createProductAction } from "@/lib/actions/admin/create-product";
import type { updateProductAction } from "@/lib/actions/admin/update-product";
import { fieldNames } from "@/lib/actions/fields";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

const field = fieldNames<typeof createProductAction | typeof updateProductAction>();

/** The blank card plastic a product prints on: each produced card takes one from its station. */
export function StockTypeField({
  stockTypes,
  value,
  errors,
}: {
  stockTypes: Array<{ id: string; name: string }>;
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
              {t.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
