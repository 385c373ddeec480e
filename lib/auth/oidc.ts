// Optional single sign-on through the bank's OIDC identity provider. Role and branch come from
// configurable claims; the user row is created or updated at each sign-in so that audit,
// ownership and deactivation work the same as for password users.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Provider } from "next-auth/providers";
import { db } from "@/db";
import { branches, users } from "@/db/schema";
import { findUserByEmail } from "@/db/queries/users";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
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

/** Upserts the SSO user; returns null (sign-in refused) when the claims give no valid role. */
export async function provisionOidcUser(profile: Record<string, unknown>) {
  const email = typeof profile.email === "string" ? profile.email.toLowerCase() : null;
  const rawRole = claim(profile, env.AUTH_OIDC_ROLE_CLAIM);
  const role = Array.isArray(rawRole) ? rawRole.find(isRole) : rawRole;
  const branchCode = claim(profile, env.AUTH_OIDC_BRANCH_CLAIM);
  if (!email || !isRole(role)) {
    log.warn({ event: "oidc_refused", email, claim: env.AUTH_OIDC_ROLE_CLAIM }, "SSO user has no usable role claim");
    return null;
  }
  const [branch] =
    typeof branchCode === "string"
      ? await db
          .select({ id: branches.id })
          .from(branches)
          .where(sql`lower(${branches.code}) = lower(${branchCode})`)
      : [];
  if (role !== "admin" && !branch) {
    log.warn({ event: "oidc_refused", email, branchCode }, "SSO user has no known branch");
    return null;
  }
  const name = typeof profile.name === "string" ? profile.name : email;
  const branchId = branch?.id ?? null;
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
