import { useTranslations } from "next-intl";

// The branch's products this customer may not have, each with the rule that excludes them, so the
// teller can explain why a card is not offered.
export function NotOffered({ reasons }: { reasons: string[] }) {
  const t = useTranslations("IssueForm");
  if (reasons.length === 0) return null;
  return (
    <div className="mt-3 text-sm text-slate-700">
      <p className="font-semibold">{t("notOffered")}</p>
      <ul className="mt-1 list-disc pl-5">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
