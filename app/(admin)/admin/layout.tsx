import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { guardPage } from "@/lib/auth/page-guard";
import { shellBranch } from "@/lib/page-branch";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("admin");
  const nav = [
    { href: "/admin", label: "Administration" },
    { href: "/admin/products", label: "Card products" },
    { href: "/admin/stock-types", label: "Card stock" },
    { href: "/admin/branches", label: "Branches" },
    { href: "/admin/users", label: "Users" },
    { href: "/admin/sso", label: "Single sign-on" },
    { href: "/admin/d1", label: "D1 connection" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/access-log", label: "Customer access" },
    { href: "/manager", label: "Branch boards" },
  ];
  const branch = await shellBranch(user);
  return (
    <AppShell user={user} branch={branch} area="Administration" nav={nav}>
      {children}
    </AppShell>
  );
}
