"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { Branch } from "@/db/schema";
import type { AdminProduct } from "@/db/queries/products";
import { createProductAction } from "@/lib/actions/admin/create-product";
import { updateProductAction } from "@/lib/actions/admin/update-product";
import { fieldNames } from "@/lib/actions/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { InputField } from "@/components/ui/field";
import { keepValuesOnSubmit } from "@/components/ui/keep-values";
import { CARD_FACE_MAX_BYTES } from "@/lib/card-face-size";
import { checkFaceSizeFirst } from "./check-face-size";
import { ProductFields } from "./product-fields";

const field = fieldNames<typeof createProductAction | typeof updateProductAction>();
// Only an existing product has an id and a current image to remove.
const updateField = fieldNames<typeof updateProductAction>();

/** Creates a product, or edits one when `product` is given. */
export function ProductForm({
  product,
  branches,
  stockTypes,
}: {
  product?: AdminProduct;
  branches: Branch[];
  stockTypes?: Array<{ id: string; name: string; active?: boolean }>;
}) {
  const t = useTranslations("ProductForm");
  const [state, formAction, pending] = useActionState(
    checkFaceSizeFirst(product ? updateProductAction : createProductAction),
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state) return;
    if (state.ok && !product) formRef.current?.reset();
    // Send focus to the first field in error, or to the result, so keyboard users land on it.
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
    (invalid ?? statusRef.current)?.focus();
  }, [state, product]);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4"
      noValidate
      encType="multipart/form-data"
    >
      {product ? <input type="hidden" name={updateField("productId")} value={product.id} /> : null}
      <ProductFields
        product={product ?? {}}
        branches={branches}
        errors={errors}
        locked={product?.hasJobs ?? false}
        stockTypes={stockTypes}
      />
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t("groupFace")}</legend>
        {product?.cardFaceImage ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our own route with its own caching
          <img
            src={product.cardFaceImage}
            alt={t("currentFace", { name: product.name })}
            className="mb-2 h-24 w-auto rounded border border-slate-200"
          />
        ) : null}
        <InputField
          id="product-faceImage"
          errors={errors?.faceImage}
          name={field("faceImage")}
          label={product?.cardFaceImage ? t("replaceImage") : t("uploadImage")}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          hint={t("imageHint", { kb: CARD_FACE_MAX_BYTES / 1024 })}
        />
        {product?.cardFaceImage ? <Checkbox name={updateField("removeFaceImage")} label={t("removeImage")} /> : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : product ? t("save") : t("create")}
        </Button>
        <div ref={statusRef} tabIndex={-1} aria-live="polite" className="text-sm outline-none">
          {state?.ok ? (
            <Alert tone="success">
              {t(product ? "saved" : "created", { name: state.data.name })}{" "}
              {!product ? (
                <Link className="font-semibold underline" href={`/admin/products/${state.data.productId}`}>
                  {t("open")}
                </Link>
              ) : null}
            </Alert>
          ) : null}
          {state && !state.ok ? <Alert tone="error">{errors ? t("fixFields") : state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
