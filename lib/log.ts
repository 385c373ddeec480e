// Structured logs (pino). Card data must never reach a log line: the redaction list covers the
// D1 card-data fields wherever they appear, and `maskPan` is used for anything free-form.
import pino from "pino";
import { env } from "./env";

const CARD_FIELDS = ["pan", "exp", "cvv", "cvv1", "cvv2", "csc", "pin", "pvv", "encryptedData", "track1", "track2", "track3", "password", "passwordHash", "assertion", "access_token", "authorization", "cookie"];

export const redactPaths = CARD_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]);

export const log = pino(
  {
    level: env.LOG_LEVEL,
    base: { service: "branch-issuance" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  env.LOG_FILE ? pino.destination({ dest: env.LOG_FILE, mkdir: true, sync: env.NODE_ENV === "test" }) : undefined,
);

/** Replaces any run of 12–19 digits (a possible PAN) with its last four digits. */
export function maskPan(text: string): string {
  return text.replace(/\b\d(?:[ -]?\d){11,18}\b/g, (m) => `…${m.replace(/\D/g, "").slice(-4)}`);
}
