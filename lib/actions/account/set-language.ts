"use server";

import { cookies } from "next/headers";
import { db } from "@/db";
import { setUserLanguage } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { ROLES } from "@/lib/vocabulary";
import { env } from "@/lib/env";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { setLanguageSchema } from "@/lib/validations/language";

/**
 * The language the user reads the product in, from the switch in the header: stored on the user
 * (it follows them to any browser) and in a cookie, so the sign-in page after signing out keeps
 * it. A personal preference, not audited.
 */
export const setLanguageAction = createAction({
  name: "setLanguage",
  roles: ROLES,
  input: setLanguageSchema,
  handler: async ({ language }, { user }) => {
    await setUserLanguage({ db, id: user.id, language });
    (await cookies()).set(LOCALE_COOKIE, language, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.AUTH_SECURE_COOKIES ?? env.AUTH_URL?.startsWith("https:") ?? false,
      path: "/",
      maxAge: 365 * 24 * 3600,
    });
    return { language };
  },
});
