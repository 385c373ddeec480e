import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserFilters } from "@/components/admin/user-filters";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeader, TableCell, TableRow, TableRowHead } from "@/components/ui/table";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listUsersForAdmin } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";
import { parseFilter, searchParamsToObject } from "@/lib/validations/audit";
import { userListFilterSchema } from "@/lib/validations/user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Users");
  return { title: t("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const t = await getTranslations("Users");
  const roles = await getTranslations("Roles");
  const raw = searchParamsToObject(await searchParams);
  // An invalid filter gets a message beside it and is ignored; the rest still filter.
  const { filter, errors } = parseFilter(userListFilterSchema, raw, await getLocale());
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const [users, branches] = await Promise.all([listUsersForAdmin({ db, filter }), listBranches({ db })]);
  const branchName = new Map(branches.map((b) => [b.id, `${b.name} (${b.code})`]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <Card title={t("newUser")}>
        <CreateUserForm branches={branches} />
      </Card>
      <Card title={filtered ? t("matching", { count: users.length }) : t("all", { count: users.length })}>
        <UserFilters values={raw} errors={errors} branches={branches} />
        {users.length === 0 ? <p className="text-slate-700">{t("noMatch")}</p> : null}
        <Table caption={t("caption")} minWidth="min-w-[44rem]">
          <TableHeader>
            <TableRow>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("email")}</TableHead>
              <TableHead>{t("role")}</TableHead>
              <TableHead>{t("branch")}</TableHead>
              <TableHead>{t("status")}</TableHead>
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
                <TableCell>{roles(u.role)}</TableCell>
                <TableCell>{u.branchId ? branchName.get(u.branchId) : t("allBranches")}</TableCell>
                <TableCell>
                  {u.active ? t("active") : <strong>{t("deactivated")}</strong>}
                  {u.active && u.mustChangePassword ? (
                    <span className="block text-xs text-slate-700">{t("mustChoosePassword")}</span>
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
