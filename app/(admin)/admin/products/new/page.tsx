import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductForm } from "@/components/admin/product-form";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { activeStockTypes } from "@/db/queries/stock-types";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Products");
  return { title: t("newTitle") };
}

export default async function NewProductPage() {
  await guardPage("admin");
  const t = await getTranslations("Products");
  const branches = await listBranches({ db });
  return (
    <div className="space-y-4">
      <Link href="/admin/products" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <ProductForm branches={branches} stockTypes={await activeStockTypes({ db })} />
    </div>
  );
}
