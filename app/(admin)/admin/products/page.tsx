import type { Metadata } from "next";
import Link from "next/link";
import { ProductTable } from "@/components/admin/product-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listProductsForAdmin } from "@/db/queries/products";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Card products" };

export default async function ProductsPage() {
  await guardPage("admin");
  const [products, branches] = await Promise.all([listProductsForAdmin({ db }), listBranches({ db })]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Card products</h1>
          <p className="text-slate-700">
            A retired product is hidden from tellers and kept for the record; only a product that never issued a card
            can be deleted.
          </p>
        </div>
        <Button asChild>
          <Link href="/admin/products/new">New product</Link>
        </Button>
      </div>
      <Card aria-label="Products">
        <ProductTable products={products} branches={branches} />
      </Card>
    </div>
  );
}
