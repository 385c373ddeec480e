import Link from "next/link";
import type { ReactNode } from "react";
import type { Branch } from "@/db/schema";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { Button } from "@/components/ui/button";

export type NavItem = { href: string; label: string };

/** The frame of every signed-in area. Its layout loads the user's branch (shellBranch) and passes it in. */
export function AppShell({
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
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <p className="font-bold text-brand-900">
            Branch Instant Issuance <span className="font-normal text-slate-600">· {area}</span>
          </p>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            {status}
            <p data-testid="signed-in-user">
              <span className="font-semibold">{user.name}</span>
              <span className="text-slate-600">
                {" "}
                · {ROLE_LABEL[user.role]}
                {branch ? ` · ${branch.name} (${branch.code})` : ""}
              </span>
            </p>
            <form action="/api/session/sign-out" method="post">
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
