import type { Metadata } from "next";
import Link from "next/link";
import { ProductForm } from "@/components/admin/product-form";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { activeStockTypes } from "@/db/queries/stock-types";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "New card product" };

export default async function NewProductPage() {
  await guardPage("admin");
  const branches = await listBranches({ db });
  return (
    <div className="space-y-4">
      <Link href="/admin/products" className="text-sm text-brand-700 underline">
        Back to card products
      </Link>
      <h1 className="text-2xl font-bold">New card product</h1>
      <ProductForm branches={branches} stockTypes={await activeStockTypes({ db })} />
    </div>
  );
}
