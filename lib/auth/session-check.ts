// The re-check of a session's claims (user, session record, version) against the database,
// without Auth.js or the request: requests run it through sessionStatus(), and long-lived
// responses (event streams) run it again later, at each heartbeat and when told of a change.
import "server-only";
import { db } from "@/db";
import { endSession, findSessionRecord } from "@/db/queries/sessions";
import type { SessionUser } from "@/db/queries/users";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { sessionVerdict } from "./session-policy";

/** What a signed cookie claims; the database decides whether it still holds. */
export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number };

/** Why a signed cookie was refused: changed account or signed out elsewhere, idle, or too old. */
export type EndedReason = "revoked" | "idle" | "expired";

export type SessionCheck = { ok: true; user: SessionUser; idleSeconds: number } | { ok: false; ended: EndedReason };

export const SESSION_POLICY = { idleMinutes: env.SESSION_IDLE_MINUTES, maxAgeHours: env.SESSION_MAX_AGE_HOURS };

export async function checkSession({ userId, sessionId, sessionVersion }: SessionClaims): Promise<SessionCheck> {
  const row = await findSessionRecord({ db, userId, sessionId });
  if (!row || !row.user.active || row.user.sessionVersion !== sessionVersion) return { ok: false, ended: "revoked" };
  const { ended, endReason, ageSeconds, idleSeconds } = row.session;
  if (ended) return { ok: false, ended: endReason === "idle" || endReason === "expired" ? endReason : "revoked" };
  const verdict = sessionVerdict({ role: row.user.role, ageSeconds, idleSeconds }, SESSION_POLICY);
  if (verdict !== "ok") {
    await endSession({ db, id: sessionId, reason: verdict });
    log.info({ event: "session_ended", reason: verdict, userId }, "session ended");
    return { ok: false, ended: verdict };
  }
  return { ok: true, user: row.user, idleSeconds };
}
