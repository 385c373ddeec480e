import { useTranslations } from "next-intl";

/**
 * A CSV download of one table with the page's range. The accessible name says which table and
 * starts with the visible words (WCAG 2.5.3, label in name).
 */
export function CsvLink({ query, report, what }: { query: string; report: string; what: string }) {
  const t = useTranslations("Reports");
  return (
    <a
      href={`/api/manager/reports/export?${query}&report=${report}`}
      download
      aria-label={t("csvLabel", { what })}
      className="text-sm text-brand-700 underline"
    >
      {t("csv")}
    </a>
  );
}
