import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { CardToDestroy } from "@/db/queries/job-cancel";
import { formatDateTime } from "@/lib/datetime";
import { Alert } from "@/components/ui/alert";

/**
 * Cards a station printed after their request was canceled at the counter (D1 could not stop
 * them): each must be destroyed, never handed over. Shown only when there is one.
 */
export function CardsToDestroy({ cards, timezone }: { cards: CardToDestroy[]; timezone: string }) {
  const t = useTranslations("Board");
  const locale = useLocale();
  if (cards.length === 0) return null;
  const when = (at: Date | string | null) => (at ? formatDateTime(at, timezone, locale) : "");
  return (
    <section aria-labelledby="destroy-heading">
      <Alert tone="error">
        <h2 id="destroy-heading" className="font-semibold">
          {t("destroyHeading")}
        </h2>
        <p>{t("destroyText")}</p>
        <ul className="mt-2 list-disc pl-5">
          {cards.map((c) => (
            <li key={c.id}>
              <Link href={`/teller/jobs/${c.id}`} className="underline">
                {t("destroyCard", {
                  card: `${c.productName}${c.panLast4 ? ` •••• ${c.panLast4}` : ""}`,
                  customer: c.customerName,
                })}
              </Link>{" "}
              · {t("destroyPrinted", { station: c.stationLabel, when: when(c.producedAt) })}
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
