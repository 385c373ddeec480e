import type { Metadata } from "next";
import { CustomerSearch } from "@/components/teller/customer-search";
import { WorkLists } from "@/components/teller/work-lists";
import { guardPage } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { workList } from "@/lib/issuance/work-lists";

export const metadata: Metadata = { title: "Counter" };

export default async function TellerHome() {
  const user = await guardPage("teller");
  if (!user.branchId) throw new AppError("forbidden:branch");
  const me = { id: user.id, branchId: user.branchId };
  const [mine, queue] = await Promise.all([workList("mine", me), workList("queue", me)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Counter</h1>
      <section aria-label="Customer search" className="max-w-2xl">
        <CustomerSearch />
      </section>
      <WorkLists mine={mine} queue={queue} />
    </div>
  );
}
