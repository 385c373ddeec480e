// Tokens we issue to D1 at our E6 endpoint and verify on every notification (E5): HS256 JWTs
// with a key derived from AUTH_SECRET, algorithm, issuer and audience pinned. Verifying needs
// no database, so the receiver keeps its single round trip.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";

const ISSUER = "branch-issuance";
const AUDIENCE = "d1-notifications";
const ALG = "HS256";

let key: Uint8Array | undefined;
function signingKey(): Uint8Array {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is required to issue D1 tokens");
  key ??= createHash("sha256").update(`d1-notify:${env.AUTH_SECRET}`).digest();
  return key;
}

export async function signD1Token(clientId: string): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + env.D1_NOTIFY_TOKEN_TTL_SECONDS * 1000);
  const token = await new SignJWT({ scope: "notifications" })
    .setProtectedHeader({ alg: ALG, typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(clientId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(signingKey());
  return { token, expiresAt };
}

export async function verifyD1Token(token: string): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE });
    return payload.sub === env.D1_NOTIFY_CLIENT_ID;
  } catch {
    return false;
  }
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Checks `Authorization: Basic base64(clientId:clientSecret)` against D1's configured credentials. */
export function checkD1Credentials(authorization: string | null): string | null {
  if (!env.D1_NOTIFY_CLIENT_ID || !env.D1_NOTIFY_CLIENT_SECRET) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const sep = decoded.indexOf(":");
  if (sep < 0) return null;
  const id = decoded.slice(0, sep);
  const secret = decoded.slice(sep + 1);
  // During a secret rollover both the new and the previous secret are accepted. Every comparison
  // runs (no early exit), so the time taken does not tell which one matched, if any.
  const secrets = [env.D1_NOTIFY_CLIENT_SECRET, env.D1_NOTIFY_CLIENT_SECRET_PREVIOUS].filter((s) => s !== undefined);
  const secretOk = secrets.map((known) => sameSecret(secret, known)).includes(true);
  const ok = sameSecret(id, env.D1_NOTIFY_CLIENT_ID) && secretOk;
  return ok ? id : null;
}

export const d1NotificationsConfigured = (): boolean => Boolean(env.D1_NOTIFY_CLIENT_ID && env.D1_NOTIFY_CLIENT_SECRET);
