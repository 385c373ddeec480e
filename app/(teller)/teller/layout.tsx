import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { LiveBadge, LiveEvents } from "@/components/live-events";
import { db } from "@/db";
import { latestBranchEventId } from "@/db/queries/events";
import { guardPage } from "@/lib/auth/page-guard";

export default async function TellerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("teller");
  const nav = [{ href: "/teller", label: "Counter" }];
  if (user.role === "manager") nav.push({ href: "/manager", label: "Branch board" });
  const since = user.branchId ? await latestBranchEventId({ db, branchId: user.branchId }) : 0;
  return (
    <LiveEvents since={since}>
      <AppShell user={user} area="Counter" nav={nav} status={<LiveBadge />}>
        {children}
      </AppShell>
    </LiveEvents>
  );
}
