// The SSO confirmation's pending flow (state, nonce, PKCE verifier, who asked and when), kept in
// the popup's browser between our two routes as an encrypted, httpOnly cookie scoped to them.
// Encrypted (not only signed) so the PKCE verifier never shows; the key is derived from
// AUTH_SECRET for this one purpose.
import "server-only";
import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import { env } from "@/lib/env";
import { DUAL_CONTROL_STEPS, type DualControlStep } from "@/lib/vocabulary";

export const FLOW_COOKIE = "bii-second-signer-sso";
export const FLOW_COOKIE_PATH = "/api/dual-control/sso";
/** Time to type a password at the identity provider; the assertion's own clock starts later. */
export const FLOW_MAX_AGE_SECONDS = 10 * 60;

export type PendingFlow = {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The signed-in person who asked for the confirmation, and their branch. */
  actorId: string;
  branchId: string;
  /** The step the second person confirms (the popup was opened for it). */
  step: DualControlStep;
  /** When the popup was opened (seconds): the provider's auth_time must not be older. */
  startedAt: number;
};

function key(): Uint8Array {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is required for the SSO confirmation");
  return new Uint8Array(hkdfSync("sha256", env.AUTH_SECRET, "", "bii second signer sso flow", 32));
}

export async function sealFlow(flow: PendingFlow): Promise<string> {
  return new EncryptJWT({ ...flow })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(`${FLOW_MAX_AGE_SECONDS}s`)
    .encrypt(key());
}

/** The flow, or null when the cookie is missing, tampered with, from another key or expired. */
export async function openFlow(sealed: string | undefined): Promise<PendingFlow | null> {
  if (!sealed) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, key(), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    const { state, nonce, codeVerifier, actorId, branchId, step, startedAt } = payload;
    if (
      typeof state !== "string" ||
      typeof nonce !== "string" ||
      typeof codeVerifier !== "string" ||
      typeof actorId !== "string" ||
      typeof branchId !== "string" ||
      typeof startedAt !== "number" ||
      !(DUAL_CONTROL_STEPS as readonly unknown[]).includes(step)
    )
      return null;
    return { state, nonce, codeVerifier, actorId, branchId, step: step as DualControlStep, startedAt };
  } catch {
    return null;
  }
}

/** Set-Cookie for the flow (or, with `null`, its removal): httpOnly, Lax (the provider's
 * redirect back is a top-level GET), Secure on an https origin. */
export function flowCookie(value: string | null, origin: string): string {
  const secure = env.AUTH_SECURE_COOKIES ?? origin.startsWith("https:");
  return [
    `${FLOW_COOKIE}=${value ?? ""}`,
    `Path=${FLOW_COOKIE_PATH}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${value ? FLOW_MAX_AGE_SECONDS : 0}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
