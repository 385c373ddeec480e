import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateStockTypeForm, StockTypeTable } from "@/components/admin/stock-types";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listStockTypes } from "@/db/queries/stock-types";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StockTypes");
  return { title: t("title") };
}

export default async function StockTypesPage() {
  await guardPage("admin");
  const t = await getTranslations("StockTypes");
  const types = await listStockTypes({ db });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <Card title={t("list")} headingId="stock-types-heading" className="min-w-0">
        <StockTypeTable
          types={types.map((t) => ({ id: t.id, code: t.code, name: t.name, active: t.active, products: t.products }))}
        />
      </Card>
      <Card title={t("add")} headingId="new-stock-type-heading">
        <CreateStockTypeForm />
      </Card>
    </div>
  );
}
