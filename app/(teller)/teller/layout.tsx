import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { IdleTimer } from "@/components/idle-timer";
import { LiveBadge, LiveEvents } from "@/components/live-events";
import { db } from "@/db";
import { latestBranchEventId } from "@/db/queries/events";
import { guardPage } from "@/lib/auth/page-guard";
import { idleTimeoutApplies } from "@/lib/auth/session-policy";
import { env } from "@/lib/env";
import { shellBranch } from "@/lib/page-branch";

export default async function TellerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("teller");
  const nav = [{ href: "/teller", label: "Counter" }];
  if (user.role === "manager") nav.push({ href: "/manager", label: "Branch board" });
  const since = user.branchId ? await latestBranchEventId({ db, branchId: user.branchId }) : 0;
  const branch = await shellBranch(user);
  return (
    <LiveEvents since={since}>
      <AppShell user={user} branch={branch} area="Counter" nav={nav} status={<LiveBadge />}>
        {children}
      </AppShell>
      {idleTimeoutApplies(user.role) ? <IdleTimer idleMinutes={env.SESSION_IDLE_MINUTES} /> : null}
    </LiveEvents>
  );
}
