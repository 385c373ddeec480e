import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { StationList } from "@/components/station-list";
import { db } from "@/db";
import { listOfferedProducts } from "@/db/queries/products";
import { listStations } from "@/db/queries/stations";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Counter" };

export default async function TellerHome() {
  const user = await guardPage("teller");
  const branchId = user.branchId ?? "";
  const [stations, products] = await Promise.all([
    listStations({ db, branchId }),
    listOfferedProducts({ db, branchId }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Counter</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Cards this branch offers">
          <ul className="space-y-1">
            {products.map((p) => (
              <li key={p.id}>{p.name}</li>
            ))}
          </ul>
        </Card>
        <Card title="Personalization stations">
          <StationList stations={stations} canManage={false} />
        </Card>
      </div>
    </div>
  );
}
