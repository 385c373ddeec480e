import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SsoGroupRoleForm, SsoGroupRoleRemove } from "@/components/admin/sso-group-roles";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { db } from "@/db";
import { listSsoGroupRoles } from "@/db/queries/sso";
import { ssoEnabled } from "@/lib/auth/auth";
import { guardPage } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Sso");
  return { title: t("title") };
}

export default async function SsoPage() {
  await guardPage("admin");
  const t = await getTranslations("Sso");
  const roles = await getTranslations("Roles");
  const mappings = await listSsoGroupRoles({ db });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="max-w-3xl text-slate-700">
        {ssoEnabled
          ? t("configured", {
              provider: env.AUTH_OIDC_NAME,
              roleClaim: env.AUTH_OIDC_ROLE_CLAIM,
              groupsClaim: env.AUTH_OIDC_GROUPS_CLAIM,
              branchClaim: env.AUTH_OIDC_BRANCH_CLAIM,
            })
          : t("notConfigured")}
      </p>
      <Card title={t("mappings", { count: mappings.length })}>
        <Table caption={t("caption")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("group")}</TableHead>
              <TableHead>{t("role")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mappings.map((m) => (
              <TableRow key={m.id}>
                <TableRowHead className="font-mono">{m.groupName}</TableRowHead>
                <TableCell>{roles(m.role)}</TableCell>
                <TableCell>
                  <SsoGroupRoleRemove groupName={m.groupName} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card title={t("mapGroup")}>
        <SsoGroupRoleForm />
      </Card>
    </div>
  );
}
