import type { Metadata } from "next";
import { CreateBranchForm } from "@/components/create-branch-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listProducts } from "@/db/queries/products";
import { listUsers } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";
import { ROLE_LABEL } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHome() {
  await guardPage("admin");
  const [branches, users, products] = await Promise.all([listBranches({ db }), listUsers({ db }), listProducts({ db })]);
  const branchName = new Map(branches.map((b) => [b.id, `${b.name} (${b.code})`]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Administration</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Branches (${branches.length})`}>
          <ul className="mb-4 space-y-1">
            {branches.map((b) => (
              <li key={b.id}>
                <span className="font-mono">{b.code}</span> · {b.name}
              </li>
            ))}
          </ul>
          <h3 className="mb-2 font-semibold">New branch</h3>
          <CreateBranchForm />
        </Card>
        <Card title={`Card products (${products.length})`}>
          <ul className="space-y-1">
            {products.map((p) => (
              <li key={p.id}>
                {p.name} <span className="font-mono text-xs text-slate-600">{p.d1CardProductId}</span>
                {p.active ? "" : " · retired"}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title={`Users (${users.length})`}>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">E-mail</th>
              <th scope="col" className="py-2 pr-4">Role</th>
              <th scope="col" className="py-2 pr-4">Branch</th>
              <th scope="col" className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-100">
                <td className="py-2 pr-4">{u.name}</td>
                <td className="py-2 pr-4 font-mono">{u.email}</td>
                <td className="py-2 pr-4">{ROLE_LABEL[u.role]}</td>
                <td className="py-2 pr-4">{u.branchId ? branchName.get(u.branchId) : "All branches"}</td>
                <td className="py-2">{u.active ? "Active" : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
