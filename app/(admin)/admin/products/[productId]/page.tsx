import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProductForm } from "@/components/admin/product-form";
import { ProductLifecycle } from "@/components/admin/product-lifecycle";
import { Alert } from "@/components/ui/alert";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { productStockTypeChoices } from "@/db/queries/stock-types";
import { findProduct, productHasJobs } from "@/db/queries/products";
import { guardPage } from "@/lib/auth/page-guard";
import { isUuid } from "@/lib/uuid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Products");
  return { title: t("productTitle") };
}

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const t = await getTranslations("Products");
  const { productId } = await params;
  // Set by the create action's redirect: the new product's page says it was created.
  const created = (await searchParams).created === "1";
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
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-bold">
          {product.name}{" "}
          {product.active ? null : <span className="text-base font-normal text-slate-700">{t("retiredNote")}</span>}
        </h1>
        <ProductLifecycle product={full} />
      </div>
      {created ? (
        <Alert tone="success" live>
          {t("created", { name: product.name })}
        </Alert>
      ) : null}
      <ProductForm
        product={full}
        branches={branches}
        stockTypes={await productStockTypeChoices({ db, currentId: product.stockTypeId })}
      />
    </div>
  );
}
