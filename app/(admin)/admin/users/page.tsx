import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listUsersForAdmin } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";
import { ROLE_LABEL } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await guardPage("admin");
  const [users, branches] = await Promise.all([listUsersForAdmin({ db }), listBranches({ db })]);
  const branchName = new Map(branches.map((b) => [b.id, `${b.name} (${b.code})`]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <Card title="New user">
        <CreateUserForm branches={branches} />
      </Card>
      <Card title={`All users (${users.length})`}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="border-b border-slate-300 text-slate-700">
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
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link href={`/admin/users/${u.id}`} className="font-semibold text-brand-700 underline">{u.name}</Link>
                  </th>
                  <td className="py-2 pr-4 font-mono">{u.email}</td>
                  <td className="py-2 pr-4">{ROLE_LABEL[u.role]}</td>
                  <td className="py-2 pr-4">{u.branchId ? branchName.get(u.branchId) : "All branches"}</td>
                  <td className="py-2">
                    {u.active ? "Active" : <strong>Deactivated</strong>}
                    {u.active && u.mustChangePassword ? <span className="block text-xs text-slate-700">must choose a password</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
