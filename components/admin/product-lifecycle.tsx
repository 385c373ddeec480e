"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { AdminProduct } from "@/db/queries/products";
import { deleteProductAction } from "@/lib/actions/admin/delete-product";
import { setProductActiveAction } from "@/lib/actions/admin/set-product-active";
import { Button } from "@/components/ui/button";

/** Retire / offer again, and delete for a product that never issued a card. */
export function ProductLifecycle({ product }: { product: Pick<AdminProduct, "id" | "name" | "active" | "hasJobs"> }) {
  const t = useTranslations("Products");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Retiring withdraws the product from every branch at once: asked before it is done.
  const [confirmRetire, setConfirmRetire] = useState(false);

  const setActive = (active: boolean) =>
    startTransition(async () => {
      const r = await setProductActiveAction({ productId: product.id, active });
      setConfirmRetire(false);
      setMessage(
        r.ok
          ? {
              ok: true,
              text: t(active ? "offeredAgainDone" : "retiredDone", { name: product.name }),
            }
          : { ok: false, text: r.message },
      );
      router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      const r = await deleteProductAction({ productId: product.id });
      if (r.ok) router.push("/admin/products");
      else setMessage({ ok: false, text: r.message });
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {product.active ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setConfirmRetire(true)}
            aria-label={t("retireNamed", { name: product.name })}
          >
            {t("retire")}
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setActive(true)}
            aria-label={t("offerAgainNamed", { name: product.name })}
          >
            {t("offerAgain")}
          </Button>
        )}
        {!product.hasJobs && !confirmDelete ? (
          <Button variant="danger" disabled={pending} onClick={() => setConfirmDelete(true)}>
            {t("delete")}
          </Button>
        ) : null}
      </div>
      {confirmRetire ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{t("confirmRetire", { name: product.name })}</p>
          <div className="mt-2 flex gap-2">
            <Button disabled={pending} onClick={() => setActive(false)} autoFocus>
              {t("yesRetire", { name: product.name })}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirmRetire(false)}>
              {t("keepOffering")}
            </Button>
          </div>
        </div>
      ) : null}
      {confirmDelete ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{t("confirmDelete", { name: product.name })}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={pending} onClick={remove} autoFocus>
              {t("deleteForGood")}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirmDelete(false)}>
              {t("keepIt")}
            </Button>
          </div>
        </div>
      ) : null}
      <p aria-live="polite" className={message?.ok === false ? "text-sm text-red-800" : "text-sm text-green-900"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
