import type { Metadata } from "next";
import Link from "next/link";
import { TIME_ZONE_LIST_ID, TimeZoneList } from "@/components/admin/time-zone-list";
import { CreateBranchForm } from "@/components/create-branch-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Branches" };

export default async function BranchesPage() {
  await guardPage("admin");
  const branches = await listBranches({ db });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Branches</h1>
      <Card title={`All branches (${branches.length})`}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Branches</caption>
          <thead className="border-b border-slate-300 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Code</th>
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Address</th>
              <th scope="col" className="py-2">Time zone</th>
            </tr>
          </thead>
          <tbody>
            {branches.map((b) => (
              <tr key={b.id} className="border-b border-slate-100">
                <td className="py-2 pr-4 font-mono">{b.code}</td>
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/admin/branches/${b.id}`} className="font-semibold text-brand-700 underline">{b.name}</Link>
                </th>
                <td className="py-2 pr-4">{b.address}</td>
                <td className="py-2">{b.timezone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="New branch">
        <CreateBranchForm />
        <TimeZoneList id={TIME_ZONE_LIST_ID} />
      </Card>
    </div>
  );
}
