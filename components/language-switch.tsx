"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { setLanguageAction } from "@/lib/actions/account/set-language";
import { LOCALE_NAME } from "@/lib/i18n/locale";
import { LOCALES } from "@/lib/vocabulary";

/**
 * The header's language menu: each language named in itself (a reader of the other language
 * finds theirs), stored on the user; the page renders again in the new language, keeping the URL.
 */
export function LanguageSwitch() {
  const t = useTranslations("Language");
  const locale = useLocale();
  const router = useRouter();
  const menu = useRef<HTMLDetailsElement>(null);
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState(false);
  const choose = (language: (typeof LOCALES)[number]) =>
    start(async () => {
      const result = await setLanguageAction({ language });
      setFailed(!result.ok);
      if (!result.ok) return;
      if (menu.current) menu.current.open = false;
      router.refresh();
    });
  return (
    <details ref={menu} className="relative">
      <summary
        className="inline-flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm font-medium uppercase"
        aria-label={`${t("label")}: ${LOCALE_NAME[locale]}`}
        aria-busy={pending}
      >
        {locale}
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-40 rounded-md border border-slate-300 bg-white py-1 shadow-lg">
        {LOCALES.map((l) => (
          <li key={l}>
            <button
              type="button"
              lang={l}
              disabled={pending}
              aria-current={l === locale ? "true" : undefined}
              onClick={() => choose(l)}
              className={`block w-full px-3 py-2 text-left text-sm hover:bg-slate-100 ${l === locale ? "font-semibold" : ""}`}
            >
              {LOCALE_NAME[l]}
            </button>
          </li>
        ))}
      </ul>
      {failed ? (
        <p role="alert" className="absolute right-0 mt-1 w-56 rounded-md bg-red-50 p-2 text-sm text-red-800">
          {t("failed")}
        </p>
      ) : null}
    </details>
  );
}
