import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { guardPage } from "@/lib/auth/page-guard";

export default async function TellerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("teller");
  const nav = [{ href: "/teller", label: "Counter" }];
  if (user.role === "manager") nav.push({ href: "/manager", label: "Branch board" });
  return (
    <AppShell user={user} area="Counter" nav={nav}>
      {children}
    </AppShell>
  );
}
