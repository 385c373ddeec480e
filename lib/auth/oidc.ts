// Optional single sign-on through the bank's OIDC identity provider. Role and branch come from
// configurable claims, or the role from the IdP's groups through the admin's mapping; the user
// row is created or updated at each sign-in so that audit, ownership and deactivation work the
// same as for password users.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Provider } from "next-auth/providers";
import { db } from "@/db";
import { branches, users } from "@/db/schema";
import { rolesForGroups } from "@/db/queries/sso";
import { findUserByEmail } from "@/db/queries/users";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { ROLES, type Role } from "@/lib/vocabulary";
import { isRole } from "./roles";

export const OIDC_PROVIDER_ID = "oidc";

export function oidcProvider(): Provider | null {
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID || !env.AUTH_OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: env.AUTH_OIDC_NAME,
    type: "oidc",
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
  };
}

function claim(profile: Record<string, unknown>, name: string): unknown {
  // Claims may be nested, e.g. `realm_access.roles` style paths with dots.
  return name
    .split(".")
    .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), profile);
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");

/** Groups are additive at every IdP: a member of tellers and managers is a manager. */
const highest = (roles: readonly Role[]): Role | undefined => [...ROLES].reverse().find((r) => roles.includes(r));

/** Why an SSO sign-in was refused; the sign-in page explains each one. */
export type SsoRefusal = "no_email" | "no_role" | "no_branch" | "inactive";

export type SsoVerdict =
  { ok: true; email: string; name: string; role: Role; branchId: string | null } | { ok: false; reason: SsoRefusal };

/** What the claims grant, without writing anything: the sign-in is refused unless `ok`. */
export async function resolveOidcUser(profile: Record<string, unknown>): Promise<SsoVerdict> {
  const email = typeof profile.email === "string" ? profile.email.toLowerCase() : null;
  if (!email) return refuse("no_email", { claim: "email" });
  const claimed = strings(claim(profile, env.AUTH_OIDC_ROLE_CLAIM)).find(isRole);
  const groups = strings(claim(profile, env.AUTH_OIDC_GROUPS_CLAIM));
  const role = claimed ?? highest(await rolesForGroups({ db, groups }));
  if (!role) return refuse("no_role", { email, claim: env.AUTH_OIDC_ROLE_CLAIM, groups: groups.length });
  const branchCode = claim(profile, env.AUTH_OIDC_BRANCH_CLAIM);
  const [branch] =
    typeof branchCode === "string"
      ? await db
          .select({ id: branches.id })
          .from(branches)
          .where(sql`lower(${branches.code}) = lower(${branchCode})`)
      : [];
  if (role !== "admin" && !branch) return refuse("no_branch", { email, branchCode });
  const existing = await findUserByEmail({ db, email });
  if (existing && !existing.active) return refuse("inactive", { email });
  const name = typeof profile.name === "string" ? profile.name : email;
  return { ok: true, email, name, role, branchId: branch?.id ?? null };
}

function refuse(reason: SsoRefusal, context: Record<string, unknown>): SsoVerdict {
  log.warn({ event: "oidc_refused", reason, ...context }, "SSO sign-in refused");
  return { ok: false, reason };
}

/** Upserts the SSO user; returns null (sign-in refused) when the claims do not allow it. */
export async function provisionOidcUser(profile: Record<string, unknown>) {
  const verdict = await resolveOidcUser(profile);
  if (!verdict.ok) return null;
  const { email, name, role, branchId } = verdict;
  const existing = await findUserByEmail({ db, email });
  const [row] = existing
    ? await db
        .update(users)
        .set({ name, role, branchId, lastSignInAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(users.id, existing.id))
        .returning()
    : await db
        .insert(users)
        .values({ email, name, role, branchId, lastSignInAt: sql`now()` })
        .returning();
  return row?.active ? row : null;
}
