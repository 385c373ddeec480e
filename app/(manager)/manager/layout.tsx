import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { guardPage } from "@/lib/auth/page-guard";
import { shellBranch } from "@/lib/page-branch";

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("manager");
  const nav = [
    { href: "/manager", label: "Branch board" },
    { href: "/manager/stations", label: "Stations" },
    { href: "/manager/audit", label: "Audit log" },
  ];
  if (user.role === "manager") nav.push({ href: "/teller", label: "Counter" });
  if (user.role === "admin") nav.unshift({ href: "/admin", label: "Administration" });
  const branch = await shellBranch(user);
  return (
    <AppShell user={user} branch={branch} area="Branch" nav={nav}>
      {children}
    </AppShell>
  );
}
