import { useTranslations } from "next-intl";

/**
 * A problem in plain words with its raw code available: in a tooltip for the pointer, and as
 * visually hidden text for screen readers (a title alone is not reliably read out).
 */
export function ProblemWords({ label, codes }: { label: string; codes: string[] }) {
  const t = useTranslations("ProblemWords");
  const code = codes.join(", ");
  if (!code) return <>{label}</>;
  return (
    <span
      title={t("title", { code })}
      data-codes={code}
      className="cursor-help underline decoration-dotted underline-offset-2"
    >
      {label}
      <span className="sr-only"> {t("spoken", { code })}</span>
    </span>
  );
}
