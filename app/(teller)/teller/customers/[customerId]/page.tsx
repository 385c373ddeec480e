import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CardHistory } from "@/components/teller/card-history";
import { CustomerPanel } from "@/components/teller/customer-panel";
import { IssueCardForm } from "@/components/teller/issue-card-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { findEligibilityFacts, listCustomerAccounts, listCustomerCards } from "@/db/queries/customer-cards";
import { findCustomer, findCustomerName } from "@/db/queries/customers";
import { listJobs } from "@/db/queries/job-views";
import { listOfferedProducts } from "@/db/queries/products";
import { guardPage } from "@/lib/auth/page-guard";
import { loadStationPicks } from "@/lib/board";
import { customerViewer } from "@/lib/customer-access";
import { approvalHints } from "@/lib/issuance/approval-rules";
import { dateIn, ineligibilityReason, ineligibilityText } from "@/lib/issuance/eligibility";

/**
 * "<name> · Customer", so that tabs can be told apart (UX walk T21). The name is checked as the
 * page checks it (a teller, with a branch, the user's CUSTOMER_SCOPE): another branch's customer
 * gets the not-found title. A plain read, not findCustomer: the page's own read logs the view
 * once, in the same statement (db/queries/customers.ts), and a title is no view of the data.
 */
export async function generateMetadata({ params }: { params: Promise<{ customerId: string }> }): Promise<Metadata> {
  const user = await guardPage("teller");
  const { customerId } = await params;
  const name =
    z.uuid().safeParse(customerId).success && user.branchId
      ? await findCustomerName({ db, id: customerId, viewer: customerViewer(user) })
      : null;
  if (!name) return { title: (await getTranslations("Pages"))("notFoundTitle") };
  return { title: (await getTranslations("Customer"))("titleNamed", { name }) };
}

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const user = await guardPage("teller");
  const { customerId } = await params;
  if (!z.uuid().safeParse(customerId).success || !user.branchId) notFound();
  const branchId = user.branchId;
  const [found, jobs, products, health, cards, accounts, facts] = await Promise.all([
    // Logs the view (customer access log); outside the user's CUSTOMER_SCOPE it is not found.
    findCustomer({ db, id: customerId, viewer: customerViewer(user) }),
    listJobs({ db, branchId, customerId, limit: 50, training: user.training }),
    listOfferedProducts({ db, branchId }),
    loadStationPicks(branchId, user.training),
    listCustomerCards({ db, customerId, training: user.training }),
    listCustomerAccounts({ db, customerId }),
    findEligibilityFacts({ db, customerId, branchId }),
  ]);
  if (!found || !facts) notFound();
  const { customer } = found;
  const t = await getTranslations("Customer");
  // Only the products this customer may have are offered; the others say why not.
  const today = dateIn(facts.timeZone);
  const te = await getTranslations("Eligibility");
  const words = (key: string, values?: Record<string, string | number>) => te(key as never, values as never);
  const judged = products.map((p) => {
    const reason = ineligibilityReason(p, facts.customer, today);
    return { product: p, notEligible: reason ? ineligibilityText(reason, words) : null };
  });
  return (
    <div className="space-y-6">
      <Link href="/teller" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <div className="space-y-6">
          <CustomerPanel customer={customer} accounts={found.accounts} />
          <CardHistory jobs={jobs} cards={cards} />
        </div>
        <Card
          title={t("issueHeading")}
          headingId="issue-heading"
          headingClassName="text-xl font-bold"
          className="min-w-0"
        >
          <IssueCardForm
            requestKey={randomUUID()}
            customerId={customer.id}
            customerName={`${customer.givenName} ${customer.familyName}`}
            products={judged.filter((j) => !j.notEligible).map((j) => j.product)}
            notOffered={judged.flatMap((j) => (j.notEligible ? [j.notEligible] : []))}
            cards={cards}
            accounts={accounts}
            stations={health.stations}
            approvalHints={await approvalHints(customer.id, user.training)}
            training={user.training}
          />
        </Card>
      </div>
    </div>
  );
}
