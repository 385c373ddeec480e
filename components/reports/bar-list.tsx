import { useTranslations } from "next-intl";

/**
 * Horizontal bars for a few totals of cards (one per teller, product, reason). Hidden from screen
 * readers: the table beside them carries the same numbers and is the chart's text alternative.
 * The number is printed on each bar, so the length is never the only way to read it.
 */
export function BarList({ items }: { items: { label: string; value: number }[] }) {
  const t = useTranslations("Reports");
  const max = Math.max(1, ...items.map((i) => i.value));
  if (items.length === 0) return null;
  return (
    <ul aria-hidden className="mb-4 space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.label} className="grid grid-cols-[minmax(6rem,12rem)_1fr] items-center gap-2">
          <span className="truncate text-slate-700" title={item.label}>
            {item.label}
          </span>
          <span className="flex items-center gap-2">
            <span className="h-4 rounded-r bg-brand-600" style={{ width: `${(item.value / max) * 100}%` }} />
            <span className="text-xs whitespace-nowrap text-slate-700">{t("cards", { count: item.value })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
