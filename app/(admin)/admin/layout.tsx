import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { guardPage } from "@/lib/auth/page-guard";
import { shellBranch } from "@/lib/page-branch";
import { getTranslations } from "next-intl/server";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("admin");
  const t = await getTranslations();
  const nav = [
    { href: "/admin", label: t("Nav.administration") },
    { href: "/admin/products", label: t("Nav.cardProducts") },
    { href: "/admin/stock-types", label: t("Nav.cardStock") },
    { href: "/admin/branches", label: t("Nav.branches") },
    { href: "/admin/users", label: t("Nav.users") },
    { href: "/admin/sso", label: t("Nav.singleSignOn") },
    { href: "/admin/d1", label: t("Nav.d1Connection") },
    { href: "/admin/audit", label: t("Nav.auditLog") },
    { href: "/admin/training", label: t("Training.title") },
    { href: "/admin/access-log", label: t("Nav.customerAccess") },
    { href: "/manager", label: t("Nav.branchBoards") },
  ];
  const branch = await shellBranch(user);
  return (
    <AppShell user={user} branch={branch} area={t("Shell.areas.admin")} nav={nav}>
      {children}
    </AppShell>
  );
}
