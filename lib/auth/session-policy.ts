// When a session ends by itself. Pure, so the rules are tested without a clock or a database;
// shared by the server (currentUser) and the teller's idle timer.
import type { Role } from "@/lib/vocabulary";

/** Activity is recorded at most this often, so a busy teller costs one write a minute. */
export const TOUCH_INTERVAL_SECONDS = 60;

export type SessionVerdict = "ok" | "idle" | "expired";

export type SessionPolicy = { idleMinutes: number; maxAgeHours: number };

/** Only tellers time out when idle: managers and admins watch live boards without touching them. */
export function idleTimeoutApplies(role: Role): boolean {
  return role === "teller";
}

/**
 * `ageSeconds` counts from sign-in (absolute lifetime, never extended by activity);
 * `idleSeconds` from the last recorded activity. Activity is recorded once a minute at most, so
 * the server allows that minute on top of the limit: the teller's screen, which sees every key
 * press, signs out at exactly the limit, and the server never cuts in before it.
 */
export function sessionVerdict(
  { role, ageSeconds, idleSeconds }: { role: Role; ageSeconds: number; idleSeconds: number },
  policy: SessionPolicy,
): SessionVerdict {
  if (!(ageSeconds < policy.maxAgeHours * 3600)) return "expired";
  if (idleTimeoutApplies(role) && !(idleSeconds < policy.idleMinutes * 60 + TOUCH_INTERVAL_SECONDS)) return "idle";
  return "ok";
}

/** What the teller's screen does at each moment of local inactivity. */
export function idleStage(idleMs: number, limitMs: number): "active" | "warn" | "end" {
  if (idleMs >= limitMs) return "end";
  // Warn a minute ahead (or halfway, for limits of two minutes or less).
  return idleMs >= limitMs - Math.min(60_000, limitMs / 2) ? "warn" : "active";
}
