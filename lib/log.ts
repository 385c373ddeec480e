// Structured logs (pino). Card data must never reach a log line: the redaction list covers the
// D1 card-data fields wherever they appear, and `maskPan` is used for anything free-form.
import pino from "pino";
import { env } from "./env";
import { traceIds } from "./tracing/spans";

const CARD_FIELDS = [
  "pan",
  "exp",
  "cvv",
  "cvv1",
  "cvv2",
  "csc",
  "pin",
  "pvv",
  "encryptedData",
  "track1",
  "track2",
  "track3",
  "password",
  "passwordHash",
  "assertion",
  "access_token",
  "authorization",
  "cookie",
];

export const redactPaths = CARD_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]);

/** Errors without the SQL text and parameters a failed query carries (they may hold personal data). */
export function errSerializer(error: unknown) {
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  delete out.query;
  delete out.params;
  // drizzle puts the SQL and its parameters into the message (and so the stack) too.
  if (typeof out.message === "string" && out.message.startsWith("Failed query")) {
    const cause = (error as { cause?: { message?: unknown } }).cause?.message;
    out.message = typeof cause === "string" ? `Failed query: ${cause}` : "Failed query";
    if (typeof out.stack === "string")
      out.stack = out.stack
        .split("\n")
        .filter((l) => l.trimStart().startsWith("at "))
        .join("\n");
  }
  const stripCause = (c: unknown) => (c && typeof c === "object" ? { ...c, query: undefined, params: undefined } : c);
  if (out.cause) out.cause = stripCause(out.cause);
  return out;
}

export const log = pino(
  {
    level: env.LOG_LEVEL,
    serializers: { err: errSerializer },
    base: { service: "branch-issuance" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The active span's trace_id and span_id (tracing on), so a log line leads to its trace.
    mixin: traceIds,
  },
  env.LOG_FILE ? pino.destination({ dest: env.LOG_FILE, mkdir: true, sync: env.NODE_ENV === "test" }) : undefined,
);

/** Replaces any run of 12–19 digits (a possible PAN) with its last four digits. */
export function maskPan(text: string): string {
  return text.replace(/\b\d(?:[ -]?\d){11,18}\b/g, (m) => `…${m.replace(/\D/g, "").slice(-4)}`);
}
