import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccessLog");
  return { title: t("title") };
}

/** Who was shown which customer, when, and where: searches and customer pages. */
export default async function AccessLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const t = await getTranslations("AccessLog");
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
          <h1 className="text-2xl font-bold">{t("heading")}</h1>
          <p className="text-slate-700">
            {t("intro")} {env.CUSTOMER_SCOPE === "bank" ? t("scopeBank") : t("scopeBranch")}
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
          {t("invalidFilters")}
        </Alert>
      ) : null}
      <AccessLogFilters values={raw} errors={errors} />
      <Card aria-label={t("region")}>
        <AccessLogTable entries={entries} branchCode={new Map(branches.map((b) => [b.id, b.code]))} />
        <div className="mt-4">
          <Pager page={page} hasMore={hasMore} params={params} label={t("pages")} />
        </div>
      </Card>
    </div>
  );
}
