import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listProducts } from "@/db/queries/products";
import { listUsers } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminHome");
  return { title: t("title") };
}

export default async function AdminHome() {
  await guardPage("admin");
  const t = await getTranslations("AdminHome");
  const [branches, users, products] = await Promise.all([
    listBranches({ db }),
    listUsers({ db }),
    listProducts({ db }),
  ]);
  const offered = products.filter((p) => p.active).length;
  const active = users.filter((u) => u.active).length;
  const sections = [
    {
      href: "/admin/products",
      title: t("products"),
      text: t("productsText", { offered, retired: products.length - offered }),
    },
    { href: "/admin/branches", title: t("branches"), text: t("branchesText", { count: branches.length }) },
    { href: "/admin/users", title: t("users"), text: t("usersText", { active, deactivated: users.length - active }) },
    { href: "/admin/approvals", title: t("approvals"), text: t("approvalsText") },
    { href: "/admin/audit", title: t("audit"), text: t("auditText") },
    { href: "/manager", title: t("boards"), text: t("boardsText") },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <Card key={s.href}>
            <h2 className="text-base font-semibold">
              <Link href={s.href} className="text-brand-700 underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700">{s.text}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
