import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Pager } from "@/components/admin/pager";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { db } from "@/db";
import { listAudit } from "@/db/queries/audit";
import { listBranches } from "@/db/queries/branches";
import { guardPage } from "@/lib/auth/page-guard";
import { DEFAULT_TIME_ZONE } from "@/lib/datetime";
import {
  auditFilterSchema,
  filterParams,
  filterQueryString,
  parseFilter,
  searchParamsToObject,
} from "@/lib/validations/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const t = await getTranslations("Audit");
  const raw = searchParamsToObject(await searchParams);
  // Invalid fields (a day that does not exist, "to" before "from") get a field error, not a 500.
  const { filter, errors } = parseFilter(auditFilterSchema, raw, await getLocale());
  const { page, ...query } = filter;
  const [{ entries, hasMore }, branches] = await Promise.all([
    listAudit({ db, query, page, pageSize: 50 }),
    listBranches({ db }),
  ]);
  const params = filterParams(query);
  const exportHref = `/api/admin/audit/export?${filterQueryString(params)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("heading")}</h1>
          <p className="text-slate-700">{t("intro", { zone: DEFAULT_TIME_ZONE })}</p>
        </div>
        <Button asChild variant="secondary">
          <a href={exportHref} download>
            {t("export")}
          </a>
        </Button>
      </div>
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error" live>
          {t("invalidFilters")}
        </Alert>
      ) : null}
      <AuditFilters values={raw} errors={errors} branches={branches} />
      <Card aria-label={t("region")}>
        <AuditTable entries={entries} branchName={new Map(branches.map((b) => [b.id, `${b.name} (${b.code})`]))} />
        <div className="mt-4">
          <Pager page={page} hasMore={hasMore} params={params} />
        </div>
      </Card>
    </div>
  );
}
