// Reads the simulator's SIM_* settings from the environment with zod, so a typo fails at
// start-up with a clear message. Only sim/main.ts and sim/certs.ts call this.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { repeatedOrderModeSchema } from "./faults";
import { stationsFileSchema } from "./stations";
import type { StationConfig } from "./types";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(min).max(max).optional(),
  );

const schema = z.object({
  SIM_HOST: z.string().default("127.0.0.1"),
  SIM_PORT: int(8443, 0, 65535),
  SIM_ADMIN_PORT: int(8444, 0, 65535),
  SIM_ISSUER_ID: z
    .string()
    .regex(/^[A-Za-z0-9]{10}$/, "must be 10 letters or digits")
    .default("ISSUER0001"),
  SIM_PKI_DIR: z.string().default(".data/pki"),
  SIM_NOTIFY_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SIM_NOTIFY_TOKEN_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SIM_NOTIFY_CLIENT_ID: optionalString,
  SIM_NOTIFY_CLIENT_SECRET: optionalString,
  SIM_NOTIFY_SCOPE: optionalString,
  SIM_STATIONS_FILE: optionalString,
  SIM_READY_MS: optionalInt(0, 3_600_000),
  SIM_DONE_MS: optionalInt(0, 3_600_000),
  SIM_OFFLINE_TIMEOUT_MS: optionalInt(0, 3_600_000),
  SIM_MAX_OPERATIONS_PER_NOTIFICATION: int(1, 1, 1000),
  SIM_NOTIFY_MAX_ATTEMPTS: int(5, 1, 100),
  SIM_NOTIFY_BASE_DELAY_MS: int(1000, 0, 600_000),
  SIM_NOTIFY_TIMEOUT_MS: int(10_000, 1, 600_000),
  SIM_REPEATED_ORDERS: repeatedOrderModeSchema.default("original"),
  SIM_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type SimEnv = z.infer<typeof schema> & { stations?: StationConfig[] };

export function loadSimEnv(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): SimEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid simulator settings:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.SIM_NOTIFY_TOKEN_URL && !(env.SIM_NOTIFY_CLIENT_ID && env.SIM_NOTIFY_CLIENT_SECRET)) {
    throw new Error(
      "Invalid simulator settings:\n  SIM_NOTIFY_CLIENT_ID and SIM_NOTIFY_CLIENT_SECRET are required with SIM_NOTIFY_TOKEN_URL",
    );
  }
  if (!env.SIM_STATIONS_FILE) return env;
  const file = path.resolve(cwd, env.SIM_STATIONS_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`Invalid simulator settings:\n  SIM_STATIONS_FILE: cannot read ${file}: ${(err as Error).message}`);
  }
  const stations = stationsFileSchema.safeParse(parsed);
  if (!stations.success) {
    const lines = stations.error.issues.map((i) => `  SIM_STATIONS_FILE ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid simulator settings:\n${lines.join("\n")}`);
  }
  return { ...env, stations: stations.data };
}
