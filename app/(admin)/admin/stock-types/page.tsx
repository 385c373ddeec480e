import type { Metadata } from "next";
import { CreateStockTypeForm, StockTypeTable } from "@/components/admin/stock-types";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listStockTypes } from "@/db/queries/stock-types";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Card stock types" };

export default async function StockTypesPage() {
  await guardPage("admin");
  const types = await listStockTypes({ db });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Card stock types</h1>
        <p className="text-slate-700">
          The blank card plastics branches keep in their vault and stations. Each card product names the stock it prints
          on; branch managers receive, load and destroy it under dual control.
        </p>
      </div>
      <Card title="Stock types" headingId="stock-types-heading" className="min-w-0">
        <StockTypeTable
          types={types.map((t) => ({ id: t.id, code: t.code, name: t.name, active: t.active, products: t.products }))}
        />
      </Card>
      <Card title="Add a stock type" headingId="new-stock-type-heading">
        <CreateStockTypeForm />
      </Card>
    </div>
  );
}
