import type { Metadata } from "next";
import { CustomerSearch } from "@/components/teller/customer-search";
import { D1OutageBanner } from "@/components/teller/d1-outage-banner";
import { WorkLists } from "@/components/teller/work-lists";
import { db } from "@/db";
import { d1Outage } from "@/db/queries/d1-outage";
import { guardPage } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { workList } from "@/lib/issuance/work-lists";

export const metadata: Metadata = { title: "Counter" };

export default async function TellerHome() {
  const user = await guardPage("teller");
  if (!user.branchId) throw new AppError("forbidden:branch");
  const me = { id: user.id, branchId: user.branchId };
  const [today, queue, outage] = await Promise.all([
    workList("today", me),
    workList("queue", me),
    d1Outage({ db, branchId: user.branchId }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Counter</h1>
      <D1OutageBanner initial={outage} />
      <section aria-label="Customer search" className="max-w-2xl">
        <CustomerSearch />
      </section>
      <WorkLists today={today} queue={queue} me={user.id} />
    </div>
  );
}
