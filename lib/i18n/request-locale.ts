// The language of the request being answered, for what the server says outside a page: the
// action wrapper's and the route helper's errors, the receipt PDF, the CSV headers. The same
// order as pages (lib/i18n/request.ts): the user's choice, the bii_lang cookie, Accept-Language.
import "server-only";
import { cookies, headers } from "next/headers";
import type { Locale } from "@/lib/vocabulary";
import { chooseLocale, LOCALE_COOKIE } from "./locale";

/**
 * `user`: the signed-in user when the caller has them (undefined: read the session here; null:
 * nobody is signed in). Outside a request (tests, jobs) only the user's own choice counts.
 */
export async function requestLocale(user?: { language: string | null } | null): Promise<Locale> {
  const signedIn = user !== undefined ? user : await sessionUser();
  let jar: Awaited<ReturnType<typeof cookies>> | undefined;
  let head: Headers | undefined;
  try {
    [jar, head] = await Promise.all([cookies(), headers()]);
  } catch {
    // No request scope: nothing but the user to go by.
  }
  return chooseLocale({
    userLanguage: signedIn?.language,
    cookie: jar?.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head?.get("accept-language") ?? null,
  });
}

async function sessionUser() {
  try {
    // Loaded here, not at the top: machine routes and their tests never load Auth.js for this.
    const { currentUser } = await import("@/lib/auth/session");
    return await currentUser();
  } catch {
    // No session to read (signed out, the database down): the cookie and the browser decide.
    return null;
  }
}
