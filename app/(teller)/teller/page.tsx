import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerSearch } from "@/components/teller/customer-search";
import { D1OutageBanner } from "@/components/teller/d1-outage-banner";
import { WorkLists } from "@/components/teller/work-lists";
import { db } from "@/db";
import { d1Outage } from "@/db/queries/d1-outage";
import { guardPage } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { workList } from "@/lib/issuance/work-lists";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Counter");
  return { title: t("title") };
}

export default async function TellerHome() {
  const user = await guardPage("teller");
  if (!user.branchId) throw new AppError("forbidden:branch");
  const t = await getTranslations("Counter");
  const me = { id: user.id, branchId: user.branchId, training: user.training };
  const [today, queue, outage] = await Promise.all([
    workList("today", me),
    workList("queue", me),
    d1Outage({ db, branchId: user.branchId, training: user.training }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <D1OutageBanner initial={outage} />
      <section aria-label={t("searchRegion")} className="max-w-2xl">
        <CustomerSearch />
      </section>
      <WorkLists today={today} queue={queue} me={user.id} />
    </div>
  );
}
