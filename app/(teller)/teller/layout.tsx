import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { BranchTimeZone } from "@/components/branch-time";
import { IdleTimer } from "@/components/idle-timer";
import { LiveBadge } from "@/components/live/live-badge";
import { LiveEvents } from "@/components/live/live-events";
import { guardPage } from "@/lib/auth/page-guard";
import { idleTimeoutApplies } from "@/lib/auth/session-policy";
import { env } from "@/lib/env";
import { DEFAULT_TIME_ZONE } from "@/lib/datetime";
import { renderPoint } from "@/lib/events/render-point";
import { shellBranch } from "@/lib/page-branch";
import { getTranslations } from "next-intl/server";

export default async function TellerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("teller");
  const t = await getTranslations();
  const nav = [{ href: "/teller", label: t("Nav.counter") }];
  if (user.role === "manager") nav.push({ href: "/manager", label: t("Nav.branchBoard") });
  const since = user.branchId ? await renderPoint(user.branchId) : 0;
  const branch = await shellBranch(user);
  return (
    <LiveEvents since={since} stream>
      <AppShell user={user} branch={branch} area={t("Shell.areas.counter")} nav={nav} status={<LiveBadge />}>
        <BranchTimeZone timeZone={branch?.timezone ?? DEFAULT_TIME_ZONE}>{children}</BranchTimeZone>
      </AppShell>
      {idleTimeoutApplies(user.role) ? <IdleTimer idleMinutes={env.SESSION_IDLE_MINUTES} /> : null}
    </LiveEvents>
  );
}
