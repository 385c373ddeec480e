import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The 404 page's own title, not the area's it was reached from (UX walk T21: a 403 titled "Administration"). */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages");
  return { title: t("notFoundTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("Pages");
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("notFoundText")}</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        {t("home")}
      </Link>
    </main>
  );
}
