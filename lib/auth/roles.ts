// Who may enter which area. Managers also work the counter of their own branch; admins oversee
// every branch's board but do not issue cards.
import type { Role } from "@/lib/vocabulary";

export { isRole, type Role } from "@/lib/vocabulary";
export type Area = "teller" | "manager" | "admin";

export const HOME: Record<Role, string> = { teller: "/teller", manager: "/manager", admin: "/admin" };

export const AREA_ROLES: Record<Area, readonly Role[]> = {
  teller: ["teller", "manager"],
  manager: ["manager", "admin"],
  admin: ["admin"],
};

export const ROLE_LABEL: Record<Role, string> = {
  teller: "Teller",
  manager: "Branch manager",
  admin: "Administrator",
};

export function areaOfPath(pathname: string): Area | null {
  const first = pathname.split("/")[1];
  return first === "teller" || first === "manager" || first === "admin" ? first : null;
}
