import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Pager } from "@/components/admin/pager";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listAudit } from "@/db/queries/audit";
import { guardPage } from "@/lib/auth/page-guard";
import { pageBranch } from "@/lib/page-branch";
import {
  auditFilterSchema,
  filterParams,
  filterQueryString,
  parseFilter,
  searchParamsToObject,
} from "@/lib/validations/audit";

export const metadata: Metadata = { title: "Branch audit log" };

/** The audit log of one branch: a manager's own (the branch filter is forced, not offered). */
export default async function BranchAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const raw = searchParamsToObject(await searchParams);
  const { branch } = await pageBranch(user, raw.branchId);
  // Invalid fields (a day that does not exist, "to" before "from") get a field error, not a 500.
  const { filter, errors } = parseFilter(auditFilterSchema, raw, await getLocale());
  const { page, ...query } = filter;
  // Days are the branch's days, like the times in the table.
  const { entries, hasMore } = await listAudit({
    db,
    query: { ...query, branchId: branch.id, timeZone: branch.timezone },
    page,
    pageSize: 50,
  });
  const params = filterParams({ ...query, branchId: branch.id });
  // A manager exports their own branch; an admin looking at a branch uses the bank-wide export, filtered to it.
  const exportHref = `${user.role === "admin" ? "/api/admin/audit/export" : "/api/manager/audit/export"}?${filterQueryString(params)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Branch audit log</h1>
          <p className="text-slate-700">
            Changes and card requests in {branch.name} ({branch.code}), newest first. Times in {branch.timezone}.
          </p>
        </div>
        <Button asChild variant="secondary">
          <a href={exportHref} download>
            Export these entries as CSV
          </a>
        </Button>
      </div>
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error" live>
          Some filters were not valid and were ignored: see the messages below them.
        </Alert>
      ) : null}
      <AuditFilters
        values={raw}
        errors={errors}
        hidden={user.role === "admin" ? { branchId: branch.id } : undefined}
        timeZone={branch.timezone}
      />
      <Card aria-label="Entries">
        <AuditTable
          entries={entries}
          branchName={new Map([[branch.id, `${branch.name} (${branch.code})`]])}
          timeZone={branch.timezone}
        />
        <div className="mt-4">
          <Pager page={page} hasMore={hasMore} params={params} />
        </div>
      </Card>
    </div>
  );
}
