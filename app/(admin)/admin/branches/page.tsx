import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TIME_ZONE_LIST_ID, TimeZoneList } from "@/components/admin/time-zone-list";
import { CreateBranchForm } from "@/components/create-branch-form";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeader, TableCell, TableRow, TableRowHead } from "@/components/ui/table";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Branches");
  return { title: t("title") };
}

export default async function BranchesPage() {
  await guardPage("admin");
  const t = await getTranslations("Branches");
  const branches = await listBranches({ db });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <Card title={t("all", { count: branches.length })}>
        <Table caption={t("caption")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("code")}</TableHead>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("address")}</TableHead>
              <TableHead>{t("timeZone")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {branches.map((b) => (
              <TableRow key={b.id}>
                <TableCell className="font-mono">{b.code}</TableCell>
                <TableRowHead>
                  <Link href={`/admin/branches/${b.id}`} className="font-semibold text-brand-700 underline">
                    {b.name}
                  </Link>
                </TableRowHead>
                <TableCell>{b.address}</TableCell>
                <TableCell>{b.timezone}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card title={t("newBranch")}>
        <CreateBranchForm />
        <TimeZoneList id={TIME_ZONE_LIST_ID} />
      </Card>
    </div>
  );
}
