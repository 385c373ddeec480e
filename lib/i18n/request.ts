// next-intl's request configuration (named in next.config.mjs): the language of this request and
// its messages. Without locale routing: URLs stay the same in every language, since tellers share
// links to requests and customers across the branch.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { chooseLocale, LOCALE_COOKIE } from "./locale";
import { MESSAGES } from "./messages";

export default getRequestConfig(async () => {
  const [user, jar, head] = await Promise.all([currentUser(), cookies(), headers()]);
  const locale = chooseLocale({
    userLanguage: user?.language,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head.get("accept-language"),
  });
  return { locale, messages: MESSAGES[locale] };
});
