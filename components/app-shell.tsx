import type { ReactNode } from "react";
import type { Branch } from "@/db/schema";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";
import { Button } from "@/components/ui/button";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { TrainingBanner } from "./training-banner";

export type NavItem = { href: string; label: string };

/**
 * The frame of every signed-in area, in the user's language. Its layout loads the user's branch
 * (shellBranch) and passes it in, with the area's name and navigation already translated.
 */
export async function AppShell({
  user,
  branch,
  area,
  nav,
  status,
  children,
}: {
  user: CurrentUser;
  branch: Pick<Branch, "name" | "code"> | null;
  area: string;
  nav: NavItem[];
  /** Shown beside the user, e.g. whether the screen is live. */
  status?: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2"
      >
        {t("Shell.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <p className="font-bold text-brand-900">
            {t("Shell.product")} <span className="font-normal text-slate-600">· {area}</span>
          </p>
          <MainNav items={nav} />
          <div className="flex min-w-0 items-center gap-3 text-sm">
            {status}
            <p data-testid="signed-in-user">
              <span className="font-semibold">{user.name}</span>
              <span className="text-slate-600">
                {" "}
                · {t(`Roles.${user.role}`)}
                {branch ? ` · ${branch.name} (${branch.code})` : ""}
              </span>
            </p>
            <LanguageSwitch />
            <form action="/api/session/sign-out" method="post">
              <Button type="submit" variant="secondary">
                {t("Shell.signOut")}
              </Button>
            </form>
          </div>
        </div>
      </header>
      {user.training ? <TrainingBanner /> : null}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
