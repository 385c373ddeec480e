import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./auth";
import { AREA_ROLES, type Area } from "./roles";
import { currentUser, type CurrentUser } from "./session";

/**
 * For pages and layouts: signed-out users go to the sign-in page, users who must change their
 * password go there first, and a user of another role gets a 403 page.
 */
export async function guardPage(area: Area | null): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    // A session cookie the user row no longer accepts (password reset, deactivation, role
    // change): the proxy would send /login back here, so tell it the session has ended.
    redirect((await auth()) ? "/login?ended=1" : "/login");
  }
  if (user.mustChangePassword) redirect("/account/password");
  if (area && !AREA_ROLES[area].includes(user.role)) forbidden();
  return user;
}
