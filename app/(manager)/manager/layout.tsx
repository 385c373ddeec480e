import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { db } from "@/db";
import { countAwaitingApproval } from "@/db/queries/approvals";
import { BranchTimeZone } from "@/components/branch-time";
import { guardPage } from "@/lib/auth/page-guard";
import { DEFAULT_TIME_ZONE } from "@/lib/datetime";
import { shellBranch } from "@/lib/page-branch";
import { getTranslations } from "next-intl/server";

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("manager");
  // The queue's size when the page is rendered (the board and the approvals page follow it live).
  const waiting = user.branchId
    ? await countAwaitingApproval({ db, branchId: user.branchId, training: user.training })
    : 0;
  const t = await getTranslations();
  const nav = [
    { href: "/manager", label: t("Nav.branchBoard") },
    {
      href: "/manager/approvals",
      label: waiting > 0 ? t("Nav.approvalsWaiting", { count: waiting }) : t("Nav.approvals"),
    },
    { href: "/manager/stations", label: t("Nav.stations") },
    { href: "/manager/stock", label: t("Nav.cardStock") },
    { href: "/manager/reports", label: t("Nav.reports") },
    { href: "/manager/end-of-day", label: t("Nav.endOfDay") },
    { href: "/manager/audit", label: t("Nav.auditLog") },
  ];
  if (user.role === "manager") nav.push({ href: "/teller", label: t("Nav.counter") });
  if (user.role === "admin") nav.unshift({ href: "/admin", label: t("Nav.administration") });
  const branch = await shellBranch(user);
  return (
    <AppShell user={user} branch={branch} area={t("Shell.areas.branch")} nav={nav}>
      {/* A page showing another branch (admins) sets that branch's zone around its content. */}
      <BranchTimeZone timeZone={branch?.timezone ?? DEFAULT_TIME_ZONE}>{children}</BranchTimeZone>
    </AppShell>
  );
}
