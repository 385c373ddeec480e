import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links that keep the other search parameters; `label` names the list (the audit log's by default). */
export function Pager({
  page,
  hasMore,
  params,
  label,
}: {
  page: number;
  hasMore: boolean;
  params: Record<string, string | undefined>;
  label?: string;
}) {
  const t = useTranslations("AdminFilters");
  const audit = useTranslations("Audit");
  const href = (p: number) =>
    `?${new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  return (
    <nav aria-label={label ?? audit("pages")} className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link className="font-semibold text-brand-700 underline" href={href(page - 1)}>
          {t("newer")}
        </Link>
      ) : null}
      <span>{t("page", { page })}</span>
      {hasMore ? (
        <Link className="font-semibold text-brand-700 underline" href={href(page + 1)}>
          {t("older")}
        </Link>
      ) : null}
    </nav>
  );
}
