// Which language a page speaks: the user's own choice (stored on the user, read with the
// session), else the choice made on this browser before signing in (a cookie), else the
// browser's Accept-Language, else English. Pure parts here; lib/i18n/request.ts reads the request.
import { LOCALES, type Locale } from "@/lib/vocabulary";

export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that keeps a choice for pages before sign-in (the sign-in page after signing out). */
export const LOCALE_COOKIE = "bii_lang";

/** The language names as the languages write them, for the switch in the header. */
export const LOCALE_NAME: Record<Locale, string> = { en: "English", de: "Deutsch" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8" → de). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.language).find(isLocale) ?? null;
}

/** The page's language from what the request carries, in order of precedence. */
export function chooseLocale(input: {
  userLanguage: string | null | undefined;
  cookie: string | undefined;
  acceptLanguage: string | null;
}): Locale {
  if (isLocale(input.userLanguage)) return input.userLanguage;
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
