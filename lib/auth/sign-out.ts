// Auth.js's own sign-out (POST /api/auth/signout, and signOut() as our sign-out route calls it)
// only clears the cookie; a copy of the cookie would still carry a live session record. This
// ends the record too, whichever way the sign-out came.
import "server-only";
import type { NextAuthConfig } from "next-auth";
import { db } from "@/db";
import { endSession } from "@/db/queries/sessions";
import { log } from "@/lib/log";

type SignOutMessage = Parameters<NonNullable<NonNullable<NextAuthConfig["events"]>["signOut"]>>[0];

export async function endSignedOutSession(message: SignOutMessage): Promise<void> {
  const token = "token" in message ? message.token : null;
  const sessionId = token?.sid;
  if (!sessionId) return;
  await endSession({ db, id: sessionId, reason: "sign_out" });
  log.info({ event: "session_ended", reason: "sign_out", userId: token.uid }, "signed out");
}
