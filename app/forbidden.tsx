import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("Pages");
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("forbiddenText")}</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        {t("home")}
      </Link>
    </main>
  );
}
