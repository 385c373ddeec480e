import "server-only";
import { forbidden, redirect } from "next/navigation";
import { AREA_ROLES, type Area } from "./roles";
import { recordActivity, sessionStatus, type CurrentUser } from "./session";

/**
 * For pages and layouts: signed-out users go to the sign-in page, users who must change their
 * password go there first, and a user of another role gets a 403 page. A page render is the
 * user's own doing, so it counts as activity for the idle timeout.
 */
export async function guardPage(area: Area | null): Promise<CurrentUser> {
  const status = await sessionStatus();
  if (!status.user) {
    // A signed cookie the server no longer accepts (account changed, signed out, idle, too
    // old): the proxy would send /login back here, so tell it (and the user) the session ended.
    redirect(status.ended ? `/login?ended=${status.ended === "revoked" ? "1" : status.ended}` : "/login");
  }
  const user = status.user;
  await recordActivity();
  if (user.mustChangePassword) redirect("/account/password");
  if (area && !AREA_ROLES[area].includes(user.role)) forbidden();
  return user;
}
