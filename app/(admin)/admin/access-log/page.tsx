import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import { AccessLogFilters } from "@/components/admin/access-log-filters";
import { AccessLogTable } from "@/components/admin/access-log-table";
import { Pager } from "@/components/admin/pager";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listCustomerAccess } from "@/db/queries/customer-access";
import { guardPage } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { accessLogFilterSchema } from "@/lib/validations/access-log";
import { filterParams, filterQueryString, parseFilter, searchParamsToObject } from "@/lib/validations/audit";

export const metadata: Metadata = { title: "Customer access log" };

/** Who was shown which customer, when, and where: searches and customer pages. */
export default async function AccessLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const raw = searchParamsToObject(await searchParams);
  const { filter, errors } = parseFilter(accessLogFilterSchema, raw, await getLocale());
  const { page, ...query } = filter;
  const [{ entries, hasMore }, branches] = await Promise.all([
    listCustomerAccess({ db, query, page, pageSize: 50 }),
    listBranches({ db }),
  ]);
  const params = filterParams(query);
  const exportHref = `/api/admin/access-log/export?${filterQueryString(params)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Customer access log</h1>
          <p className="text-slate-700">
            Who was shown which customer, when, and where: each customer in a search&apos;s results and each customer
            page opened. Newest first.{" "}
            {env.CUSTOMER_SCOPE === "bank"
              ? "Tellers and managers may look up every customer of the bank (CUSTOMER_SCOPE=bank)."
              : "Tellers and managers may look up the customers of their own branch only (CUSTOMER_SCOPE=branch)."}
          </p>
        </div>
        <Button asChild variant="secondary">
          <a href={exportHref} download>
            Export these accesses as CSV
          </a>
        </Button>
      </div>
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error" live>
          Some filters were not valid and were ignored: see the messages below them.
        </Alert>
      ) : null}
      <AccessLogFilters values={raw} errors={errors} />
      <Card aria-label="Accesses">
        <AccessLogTable entries={entries} branchCode={new Map(branches.map((b) => [b.id, b.code]))} />
        <div className="mt-4">
          <Pager page={page} hasMore={hasMore} params={params} label="Access log pages" />
        </div>
      </Card>
    </div>
  );
}
