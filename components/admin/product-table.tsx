import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AdminProduct } from "@/db/queries/products";
import type { Branch } from "@/db/schema";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { ProductLifecycle } from "./product-lifecycle";

export function ProductTable({ products, branches }: { products: AdminProduct[]; branches: Branch[] }) {
  const t = useTranslations("Products");
  const code = new Map(branches.map((b) => [b.id, b.code]));
  if (products.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <Table caption={t("caption")} minWidth="min-w-[52rem]" density="relaxed">
      <TableHeader>
        <TableRow>
          <TableHead>{t("product")}</TableHead>
          <TableHead>{t("binPan")}</TableHead>
          <TableHead>{t("offeredIn")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {products.map((p) => (
          <TableRow key={p.id} className="align-top" data-testid={`product-${p.d1CardProductId}`}>
            <TableRowHead>
              <Link href={`/admin/products/${p.id}`} className="font-semibold text-brand-700 underline">
                {p.name}
              </Link>
              <span className="block font-mono text-xs text-slate-700">{p.d1CardProductId}</span>
            </TableRowHead>
            <TableCell className="font-mono">
              {p.bin} · {t("panDigits", { count: p.panLength })}
            </TableCell>
            <TableCell>
              {p.branchIds.length
                ? p.branchIds
                    .map((id) => code.get(id) ?? "?")
                    .sort()
                    .join(", ")
                : t("noBranch")}
            </TableCell>
            <TableCell>
              {!p.active ? (
                <strong className="text-slate-700">{t("retired")}</strong>
              ) : p.isTestProduct ? (
                t("testProduct")
              ) : (
                t("offered")
              )}
              {p.hasJobs ? <span className="block text-xs text-slate-700">{t("hasIssued")}</span> : null}
            </TableCell>
            <TableCell>
              <ProductLifecycle product={p} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
