import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listProducts } from "@/db/queries/products";
import { listUsers } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHome() {
  await guardPage("admin");
  const [branches, users, products] = await Promise.all([
    listBranches({ db }),
    listUsers({ db }),
    listProducts({ db }),
  ]);
  const sections = [
    {
      href: "/admin/products",
      title: "Card products",
      text: `${products.filter((p) => p.active).length} offered, ${products.filter((p) => !p.active).length} retired`,
    },
    { href: "/admin/branches", title: "Branches", text: `${branches.length} branches` },
    {
      href: "/admin/users",
      title: "Users",
      text: `${users.filter((u) => u.active).length} active, ${users.filter((u) => !u.active).length} deactivated`,
    },
    {
      href: "/admin/approvals",
      title: "Approval rules",
      text: "Which requests wait for a manager's approval (maker-checker)",
    },
    { href: "/admin/audit", title: "Audit log", text: "Every change, with filters and CSV export" },
    { href: "/manager", title: "Branch boards", text: "Each branch's cards, exceptions and stations" },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Administration</h1>
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
