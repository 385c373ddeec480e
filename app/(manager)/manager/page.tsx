import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { StationList } from "@/components/station-list";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listStations } from "@/db/queries/stations";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Branch board" };

export default async function ManagerHome() {
  const user = await guardPage("manager");
  // Admins oversee every branch; a manager sees only their own.
  const branches = (await listBranches({ db })).filter((b) => user.role === "admin" || b.id === user.branchId);
  const stationsByBranch = await Promise.all(branches.map((b) => listStations({ db, branchId: b.id })));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Branch board</h1>
      {branches.map((branch, i) => (
        <Card key={branch.id} title={`${branch.name} (${branch.code}) · personalization stations`}>
          <StationList stations={stationsByBranch[i] ?? []} canManage={user.role === "manager"} />
        </Card>
      ))}
    </div>
  );
}
