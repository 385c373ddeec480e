// Credentials sign-in: one generic failure, throttled per account and per address.
import "server-only";
import { CredentialsSignin, type User } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { clearFailures, lockedUntil, recordFailure } from "@/db/queries/sign-in-throttle";
import { findUserByEmail, markSignedIn } from "@/db/queries/users";
import { insertAudit } from "@/db/queries/audit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientAddress } from "@/lib/request";
import { verifyPassword } from "./password";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

// A shared office address serves many tellers, so it gets more room than one account.
const ADDRESS_FACTOR = 4;

export async function authorizeCredentials(raw: unknown, request: Request): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientAddress(request.headers);
  const accountKey = `account:${email}`;
  const addressKey = `address:${ip}`;

  if (await lockedUntil({ db, keys: [accountKey, addressKey] })) {
    log.warn({ event: "sign_in_throttled", email, ip }, "sign-in refused: throttled");
    throw new ThrottledSignIn();
  }

  const user = await findUserByEmail({ db, email });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) {
    await recordFailure({ db, key: accountKey, max: env.SIGNIN_MAX_FAILURES, lockMinutes: env.SIGNIN_LOCK_MINUTES });
    await recordFailure({
      db,
      key: addressKey,
      max: env.SIGNIN_MAX_FAILURES * ADDRESS_FACTOR,
      lockMinutes: env.SIGNIN_LOCK_MINUTES,
    });
    log.info({ event: "sign_in_failed", email, ip, known: Boolean(user) }, "sign-in failed");
    return null;
  }

  await clearFailures({ db, key: accountKey });
  await markSignedIn({ db, id: user.id });
  await insertAudit({
    db,
    entry: {
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      branchId: user.branchId,
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      ip,
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
    },
  });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    branchId: user.branchId,
    sessionVersion: user.sessionVersion,
  };
}
