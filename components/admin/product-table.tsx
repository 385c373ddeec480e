import Link from "next/link";
import type { AdminProduct } from "@/db/queries/products";
import type { Branch } from "@/db/schema";
import { ProductLifecycle } from "./product-lifecycle";

export function ProductTable({ products, branches }: { products: AdminProduct[]; branches: Branch[] }) {
  const code = new Map(branches.map((b) => [b.id, b.code]));
  if (products.length === 0) return <p className="text-slate-700">No card product yet. Create the first one.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">Card products</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4">Product</th>
            <th scope="col" className="py-2 pr-4">BIN / PAN</th>
            <th scope="col" className="py-2 pr-4">Offered in</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 align-top" data-testid={`product-${p.d1CardProductId}`}>
              <th scope="row" className="py-3 pr-4 font-normal">
                <Link href={`/admin/products/${p.id}`} className="font-semibold text-brand-700 underline">{p.name}</Link>
                <span className="block font-mono text-xs text-slate-700">{p.d1CardProductId}</span>
              </th>
              <td className="py-3 pr-4 font-mono">{p.bin} · {p.panLength} digits</td>
              <td className="py-3 pr-4">{p.branchIds.length ? p.branchIds.map((id) => code.get(id) ?? "?").sort().join(", ") : "No branch"}</td>
              <td className="py-3 pr-4">{p.active ? "Offered" : <strong className="text-slate-700">Retired</strong>}{p.hasJobs ? <span className="block text-xs text-slate-700">has issued cards</span> : null}</td>
              <td className="py-3"><ProductLifecycle product={p} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
