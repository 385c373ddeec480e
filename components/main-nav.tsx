"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { NavItem } from "./app-shell";

const linkClass = "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100";
const current = "bg-brand-100 text-brand-900";

/** The deepest item the path is in, so /manager/stations marks Stations, not Branch board. */
function activeHref(items: NavItem[], path: string) {
  return items
    .filter((i) => path === i.href || path.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/**
 * The area's navigation on one row where it fits, else a compact "Menu" that opens a list (so the
 * header never stacks into rows, UX walk M6/A11). A short nav sits beside the title from 1024 px; a
 * long one (the admin's) gets its own row from 1280 px. The menu closes when a link is followed.
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("Shell");
  const path = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  const active = activeHref(items, path);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [path]);
  const long = items.length > 4;
  const links = (className: string) =>
    items.map((item) => (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={item.href === active ? "page" : undefined}
          className={`${linkClass} ${item.href === active ? current : ""} ${className}`}
        >
          {item.label}
        </Link>
      </li>
    ));
  return (
    // A long nav takes a row of its own under the title (from 1280 px; below, it is the Menu button),
    // so it never runs under the user's name.
    <nav aria-label={t("mainNav")} className={long ? "xl:order-last xl:basis-full" : "min-w-0 flex-1"}>
      <ul className={`${long ? "hidden xl:flex" : "hidden lg:flex"} flex-wrap gap-1`}>{links("")}</ul>
      <details ref={menu} className={`relative ${long ? "xl:hidden" : "lg:hidden"}`}>
        <summary className="inline-flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
          {t("menu")}
          <span className="text-slate-600">· {items.find((i) => i.href === active)?.label ?? t("pages")}</span>
        </summary>
        <ul className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {links("")}
        </ul>
      </details>
    </nav>
  );
}
