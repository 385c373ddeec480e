"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { AdminProduct } from "@/db/queries/products";
import { deleteProductAction } from "@/lib/actions/admin/delete-product";
import { setProductActiveAction } from "@/lib/actions/admin/set-product-active";
import { Button } from "@/components/ui/button";

/** Retire / offer again, and delete for a product that never issued a card. */
export function ProductLifecycle({ product }: { product: Pick<AdminProduct, "id" | "name" | "active" | "hasJobs"> }) {
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
              text: active
                ? `${product.name} is offered again.`
                : `${product.name} is retired. Tellers no longer see it.`,
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
            aria-label={`Retire ${product.name}`}
          >
            Retire
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setActive(true)}
            aria-label={`Offer ${product.name} again`}
          >
            Offer again
          </Button>
        )}
        {!product.hasJobs && !confirmDelete ? (
          <Button variant="danger" disabled={pending} onClick={() => setConfirmDelete(true)}>
            Delete…
          </Button>
        ) : null}
      </div>
      {confirmRetire ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>
            Retire {product.name}? Tellers in every branch stop seeing it at once; cards already issued stay valid. You
            can offer it again later.
          </p>
          <div className="mt-2 flex gap-2">
            <Button disabled={pending} onClick={() => setActive(false)} autoFocus>
              Yes, retire {product.name}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirmRetire(false)}>
              Keep offering it
            </Button>
          </div>
        </div>
      ) : null}
      {confirmDelete ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>No card was ever issued with {product.name}, so it can be deleted for good. This cannot be undone.</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={pending} onClick={remove} autoFocus>
              Delete for good
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirmDelete(false)}>
              Keep it
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
