import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserFilters } from "@/components/admin/user-filters";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeader, TableCell, TableRow, TableRowHead } from "@/components/ui/table";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listUsersForAdmin } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { parseFilter, searchParamsToObject } from "@/lib/validations/audit";
import { userListFilterSchema } from "@/lib/validations/user";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const raw = searchParamsToObject(await searchParams);
  // An invalid filter gets a message beside it and is ignored; the rest still filter.
  const { filter, errors } = parseFilter(userListFilterSchema, raw, await getLocale());
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const [users, branches] = await Promise.all([listUsersForAdmin({ db, filter }), listBranches({ db })]);
  const branchName = new Map(branches.map((b) => [b.id, `${b.name} (${b.code})`]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <Card title="New user">
        <CreateUserForm branches={branches} />
      </Card>
      <Card title={filtered ? `Users matching the filters (${users.length})` : `All users (${users.length})`}>
        <UserFilters values={raw} errors={errors} branches={branches} />
        {users.length === 0 ? <p className="text-slate-700">No user matches these filters. Clear a filter.</p> : null}
        <Table caption="Users" minWidth="min-w-[44rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>E-mail</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Branch</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableRowHead>
                  <Link href={`/admin/users/${u.id}`} className="font-semibold text-brand-700 underline">
                    {u.name}
                  </Link>
                </TableRowHead>
                <TableCell className="font-mono">{u.email}</TableCell>
                <TableCell>{ROLE_LABEL[u.role]}</TableCell>
                <TableCell>{u.branchId ? branchName.get(u.branchId) : "All branches"}</TableCell>
                <TableCell>
                  {u.active ? "Active" : <strong>Deactivated</strong>}
                  {u.active && u.mustChangePassword ? (
                    <span className="block text-xs text-slate-700">must choose a password</span>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
