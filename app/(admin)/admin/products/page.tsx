import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductTable } from "@/components/admin/product-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listProductsForAdmin } from "@/db/queries/products";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Products");
  return { title: t("title") };
}

export default async function ProductsPage() {
  await guardPage("admin");
  const t = await getTranslations("Products");
  const [products, branches] = await Promise.all([listProductsForAdmin({ db }), listBranches({ db })]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("heading")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        <Button asChild>
          <Link href="/admin/products/new">{t("newProduct")}</Link>
        </Button>
      </div>
      <Card aria-label={t("region")}>
        <ProductTable products={products} branches={branches} />
      </Card>
    </div>
  );
}
