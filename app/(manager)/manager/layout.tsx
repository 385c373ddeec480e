import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { db } from "@/db";
import { countAwaitingApproval } from "@/db/queries/approvals";
import { BranchTimeZone } from "@/components/branch-time";
import { guardPage } from "@/lib/auth/page-guard";
import { DEFAULT_TIME_ZONE } from "@/lib/datetime";
import { shellBranch } from "@/lib/page-branch";

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("manager");
  // The queue's size when the page is rendered (the board and the approvals page follow it live).
  const waiting = user.branchId ? await countAwaitingApproval({ db, branchId: user.branchId }) : 0;
  const nav = [
    { href: "/manager", label: "Branch board" },
    { href: "/manager/approvals", label: waiting > 0 ? `Approvals (${waiting})` : "Approvals" },
    { href: "/manager/stations", label: "Stations" },
    { href: "/manager/stock", label: "Card stock" },
    { href: "/manager/reports", label: "Reports" },
    { href: "/manager/end-of-day", label: "End of day" },
    { href: "/manager/audit", label: "Audit log" },
  ];
  if (user.role === "manager") nav.push({ href: "/teller", label: "Counter" });
  if (user.role === "admin") nav.unshift({ href: "/admin", label: "Administration" });
  const branch = await shellBranch(user);
  return (
    <AppShell user={user} branch={branch} area="Branch" nav={nav}>
      {/* A page showing another branch (admins) sets that branch's zone around its content. */}
      <BranchTimeZone timeZone={branch?.timezone ?? DEFAULT_TIME_ZONE}>{children}</BranchTimeZone>
    </AppShell>
  );
}
