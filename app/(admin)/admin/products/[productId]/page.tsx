import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductForm } from "@/components/admin/product-form";
import { ProductLifecycle } from "@/components/admin/product-lifecycle";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { activeStockTypes } from "@/db/queries/stock-types";
import { findProduct, productHasJobs } from "@/db/queries/products";
import { guardPage } from "@/lib/auth/page-guard";
import { isUuid } from "@/lib/uuid";

export const metadata: Metadata = { title: "Card product" };

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  await guardPage("admin");
  const { productId } = await params;
  if (!isUuid(productId)) notFound();
  const [product, branches, hasJobs] = await Promise.all([
    findProduct({ db, id: productId }),
    listBranches({ db }),
    productHasJobs({ db, productId }),
  ]);
  if (!product) notFound();
  const full = { ...product, hasJobs };
  return (
    <div className="space-y-4">
      <Link href="/admin/products" className="text-sm text-brand-700 underline">
        Back to card products
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-bold">
          {product.name}{" "}
          {product.active ? null : <span className="text-base font-normal text-slate-700">(retired)</span>}
        </h1>
        <ProductLifecycle product={full} />
      </div>
      <ProductForm product={full} branches={branches} stockTypes={await activeStockTypes({ db })} />
    </div>
  );
}
