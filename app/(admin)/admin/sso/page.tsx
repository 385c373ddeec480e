import type { Metadata } from "next";
import { SsoGroupRoleForm, SsoGroupRoleRemove } from "@/components/admin/sso-group-roles";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { db } from "@/db";
import { listSsoGroupRoles } from "@/db/queries/sso";
import { ssoEnabled } from "@/lib/auth/auth";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { guardPage } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoPage() {
  await guardPage("admin");
  const mappings = await listSsoGroupRoles({ db });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Single sign-on</h1>
      <p className="max-w-3xl text-slate-700">
        {ssoEnabled
          ? `Users of ${env.AUTH_OIDC_NAME} get their role from the “${env.AUTH_OIDC_ROLE_CLAIM}” claim, or else from the groups in the “${env.AUTH_OIDC_GROUPS_CLAIM}” claim mapped below (the highest role wins), and their branch from the “${env.AUTH_OIDC_BRANCH_CLAIM}” claim. Changes apply at each user’s next sign-in.`
          : "Single sign-on is not configured (AUTH_OIDC_ISSUER). Mappings set here apply once it is."}
      </p>
      <Card title={`Group mappings (${mappings.length})`}>
        <Table caption="Identity provider groups and the role each one gives">
          <TableHeader>
            <TableRow>
              <TableHead>Group</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mappings.map((m) => (
              <TableRow key={m.id}>
                <TableRowHead className="font-mono">{m.groupName}</TableRowHead>
                <TableCell>{ROLE_LABEL[m.role]}</TableCell>
                <TableCell>
                  <SsoGroupRoleRemove groupName={m.groupName} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card title="Map a group">
        <SsoGroupRoleForm />
      </Card>
    </div>
  );
}
