import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("BranchAudit");
  return { title: t("title") };
}

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
  const t = await getTranslations("BranchAudit");
  // A manager exports their own branch; an admin looking at a branch uses the bank-wide export, filtered to it.
  const exportHref = `${user.role === "admin" ? "/api/admin/audit/export" : "/api/manager/audit/export"}?${filterQueryString(params)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">
            {t("subtitle", { branch: `${branch.name} (${branch.code})`, zone: branch.timezone })}
          </p>
        </div>
        <Button asChild variant="secondary">
          <a href={exportHref} download>
            {t("export")}
          </a>
        </Button>
      </div>
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error" live>
          {t("invalid")}
        </Alert>
      ) : null}
      <AuditFilters
        values={raw}
        errors={errors}
        hidden={user.role === "admin" ? { branchId: branch.id } : undefined}
        timeZone={branch.timezone}
      />
      <Card aria-label={t("entries")}>
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
