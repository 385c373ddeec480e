// Structured logs for the simulator. Card data must never reach a log line, so every field
// name that can carry it is redacted even though the code never logs card data on purpose.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

const SENSITIVE = ["pan", "exp", "cvv", "cvv1", "cvv2", "csc", "pin", "pvv", "encryptedData", "cardData", "assertion"];

export const redactPaths = [
  ...SENSITIVE,
  ...SENSITIVE.map((f) => `*.${f}`),
  ...SENSITIVE.map((f) => `*.*.${f}`),
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
];

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export function createSimLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  const options = { name: "d1-sim", level, redact: { paths: redactPaths, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}
