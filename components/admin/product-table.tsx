import Link from "next/link";
import type { AdminProduct } from "@/db/queries/products";
import type { Branch } from "@/db/schema";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { ProductLifecycle } from "./product-lifecycle";

export function ProductTable({ products, branches }: { products: AdminProduct[]; branches: Branch[] }) {
  const code = new Map(branches.map((b) => [b.id, b.code]));
  if (products.length === 0) return <p className="text-slate-700">No card product yet. Create the first one.</p>;
  return (
    <Table caption="Card products" minWidth="min-w-[52rem]" density="relaxed">
      <TableHeader>
        <TableRow>
          <TableHead>Product</TableHead>
          <TableHead>BIN / PAN</TableHead>
          <TableHead>Offered in</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
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
              {p.bin} · {p.panLength} digits
            </TableCell>
            <TableCell>
              {p.branchIds.length
                ? p.branchIds
                    .map((id) => code.get(id) ?? "?")
                    .sort()
                    .join(", ")
                : "No branch"}
            </TableCell>
            <TableCell>
              {!p.active ? (
                <strong className="text-slate-700">Retired</strong>
              ) : p.isTestProduct ? (
                "Test product (new stations)"
              ) : (
                "Offered"
              )}
              {p.hasJobs ? <span className="block text-xs text-slate-700">has issued cards</span> : null}
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
