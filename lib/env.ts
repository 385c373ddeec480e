// The one place that reads process.env. Every setting is validated here with zod so that a
// typo in a bank's configuration fails at start-up with a clear message instead of at the
// first card. Imported by next.config.mjs and drizzle.config.ts, so it must stay free of
// path aliases and non-erasable TypeScript syntax (Node loads it with type stripping).
import { z } from "zod";
import { isAddressOrSubnet, NOTIFY_AUTH_MODES, resolveNotifyAuthMode } from "./notifications/auth-mode.ts";

const bool = (fallback: boolean) => z.stringbool().default(fallback);
const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const headerName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "a header name")
    .default(fallback)
    .transform((v) => v.toLowerCase());

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  NEXT_PHASE: optionalString,

  // Database. Unset: scripts/start.ts starts an embedded PostgreSQL and sets it.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: int(10, 1, 200),
  EMBEDDED_PG_PORT: int(54329, 1, 65535),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // Read by the test harness itself (db/testing/database.ts), which runs before any app module.
  TEST_PG_VERSION: z.enum(["15", "18"]).optional(),

  // Web server.
  PORT: int(3000, 1, 65535),
  HOST: z.string().default("127.0.0.1"),
  APP_VERSION: z.string().default("0.1.0"),
  // Reverse proxies in front of the app that each append the address they saw to
  // X-Forwarded-For (lib/request.ts). 0: clients connect to the app directly.
  TRUSTED_PROXY_HOPS: int(0, 0, 10),
  // How the app knows a request came through the bank's proxy, for the headers only that proxy
  // may set (D1's client certificate, lib/notifications/auth.ts): a secret the proxy sends in
  // X-Trusted-Proxy-Secret, and/or the addresses (or subnets) the proxy connects from.
  TRUSTED_PROXY_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  TRUSTED_PROXY_ADDRESSES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrSubnet), "comma-separated IP addresses or subnets (10.0.0.0/24)"),
  // Node's limits for receiving a request (lib/http/server-limits.ts): its headers, and the whole
  // request with its body. Our own body readers stop at the same deadline.
  HTTP_HEADERS_TIMEOUT_SECONDS: int(20, 1, 600),
  HTTP_REQUEST_TIMEOUT_SECONDS: int(30, 1, 3600),
  // Graceful shutdown on SIGTERM/SIGINT (lib/shutdown): readiness answers 503 for the drain
  // delay while a load balancer stops sending, then the instance closes and exits within the grace.
  SHUTDOWN_GRACE_SECONDS: int(25, 2, 600),
  SHUTDOWN_DRAIN_SECONDS: int(5, 0, 300),
  // Set by whoever starts `server.js` (Dockerfile, scripts): Next.js then leaves SIGTERM to us.
  NEXT_MANUAL_SIG_HANDLE: bool(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Write logs to this file instead of stdout (tests scan it for card data).
  LOG_FILE: optionalString,
  // Event streams are closed after this long and resumed by the browser (Last-Event-ID), so
  // that proxies never see endless responses and reconnects spread across instances.
  SSE_MAX_SECONDS: int(300, 1, 24 * 3600),
  // Each app instance runs the issuance worker; false when it runs apart (`npm run worker`,
  // compose.yaml's worker service), so that the web instances only serve.
  WORKER_IN_APP: bool(true),
  // Jobs with no news from D1 for this long are checked with productionStatus (E3).
  RECONCILE_QUIET_SECONDS: int(60, 5, 24 * 3600),
  DEMO_MODE: bool(false),

  // Metrics and traces (docs/operations.md). /api/metrics answers only with this bearer token
  // (unset: 404); METRICS_PORT serves the same text on a separate listener, on METRICS_HOST.
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).optional()),
  METRICS_HOST: z.string().default("127.0.0.1"),
  // Names this instance on every metric (label app_instance); unset: the host name.
  APP_INSTANCE: optionalString,
  // OTLP/HTTP collector for traces (…:4318); unset: tracing is off. The OTel SDK reads the other
  // OTEL_* variables (headers, service name) itself.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),

  // Auth.js.
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: bool(true),
  // The origin browsers use for the app (https://issuance.bank.example). Set (or AUTH_URL set):
  // server actions and our own POST routes accept only this Origin, whatever Host or
  // X-Forwarded-Host say (lib/auth/origin.ts).
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((v) => new URL(v).origin)
    .optional(),
  // Session cookies carry the Secure flag (and the __Secure- prefix). Unset: when AUTH_URL is
  // https, or else when the request came over HTTPS (X-Forwarded-Proto from the TLS proxy).
  // Behind the bank's TLS proxy set it to true, so a proxy that forgets the header cannot
  // produce a cookie that would also travel over plain HTTP.
  AUTH_SECURE_COOKIES: z.stringbool().optional(),
  // Absolute lifetime from sign-in (not rolling), for every role.
  SESSION_MAX_AGE_HOURS: int(10, 1, 24 * 7),
  // Tellers are signed out after this long without activity (pages, actions, key presses).
  SESSION_IDLE_MINUTES: int(15, 1, 24 * 60),
  // Extra hosts (host[:port], `*.bank.example` allowed) whose pages may call server actions and
  // sign out: only for a reverse proxy that rewrites Host without X-Forwarded-Host.
  SERVER_ACTIONS_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  // Which customers tellers and managers may look up: "bank" (every customer: customers walk
  // into any branch) or "branch" (those whose home branch is the user's own).
  CUSTOMER_SCOPE: z.enum(["bank", "branch"]).default("bank"),
  // Customer searches per user and minute (per app instance), so nobody can page through the
  // customer base with the search box. Every search is in the customer access log as well.
  CUSTOMER_SEARCH_PER_MINUTE: int(60, 1, 100_000),
  // The bank's name as the customer's hand-over receipt prints it, above the branch's name.
  BANK_NAME: z.string().trim().min(1).max(80).default("Your bank"),
  SIGNIN_MAX_FAILURES: int(5, 1, 100),
  SIGNIN_LOCK_MINUTES: int(15, 1, 24 * 60),

  // Optional OIDC single sign-on for a bank's identity provider.
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: optionalString,
  AUTH_OIDC_CLIENT_SECRET: optionalString,
  AUTH_OIDC_NAME: z.string().default("Bank single sign-on"),
  AUTH_OIDC_ROLE_CLAIM: z.string().default("role"),
  AUTH_OIDC_BRANCH_CLAIM: z.string().default("branch"),
  // Group names the IdP sends (a list); the admin maps them to roles (Administration → Single
  // sign-on). Used when the role claim gives no role.
  AUTH_OIDC_GROUPS_CLAIM: z.string().default("groups"),

  // The D1 simulator npm start runs when D1_BANKING_URL is unset: its D1 API and control page
  // (0 = any free port). Move them, with PORT and EMBEDDED_PG_PORT, to run two checkouts at once.
  SIM_PORT: int(8443, 0, 65535),
  SIM_ADMIN_PORT: int(8444, 0, 65535),

  // Thales D1 (issuer → D1). Unset: npm start runs the D1 simulator and fills these in.
  D1_ISSUER_ID: z.string().length(10, "D1_ISSUER_ID is exactly 10 characters").optional(),
  D1_BANKING_URL: z.url().optional(),
  D1_AUTHZ_URL: z.url().optional(),
  D1_TLS_CERT_FILE: optionalString,
  D1_TLS_KEY_FILE: optionalString,
  D1_TLS_CA_FILE: optionalString,
  D1_SIGNING_KEY_FILE: optionalString,
  D1_SIGNING_KID: optionalString,
  D1_ENCRYPTION_KEY_FILE: optionalString,
  D1_ENCRYPTION_KID: optionalString,
  // Key rollover (docs/key-rotation.md): the second key of each pair during a rollover, and which
  // of the two is used. D1 holds both public signing keys and both private encryption keys then.
  D1_SIGNING_KEY_FILE_NEXT: optionalString,
  D1_SIGNING_KID_NEXT: optionalString,
  D1_SIGNING_ACTIVE: z.enum(["current", "next"]).default("current"),
  D1_ENCRYPTION_KEY_FILE_NEXT: optionalString,
  D1_ENCRYPTION_KID_NEXT: optionalString,
  D1_ENCRYPTION_ACTIVE: z.enum(["current", "next"]).default("current"),
  // Key and certificate files are checked for changes (one stat each) at most this often and
  // re-read when changed; SIGHUP re-reads them at once. 0: only on SIGHUP.
  D1_FILES_RECHECK_SECONDS: int(5, 0, 3600),
  D1_TOKEN_AUDIENCE: optionalString,
  D1_TIMEOUT_MS: int(10_000, 100, 120_000),
  D1_MAX_ATTEMPTS: int(4, 1, 10),
  // D1 publishes no cancellation API (d1-api.md §12 [U]). Where a tenant has one, its path below
  // D1_BANKING_URL with {issuerId} and {cardId} placeholders; unset: D1 cannot cancel an order.
  D1_CANCEL_PATH: optionalString.pipe(
    z
      .string()
      .regex(/^\/[A-Za-z0-9_\-./:{}%]*$/, "a path starting with / (letters, digits, - _ . / : { } %)")
      .refine((v) => v.includes("{cardId}"), "must contain {cardId}")
      .optional(),
  ),

  // D1 → issuer: credentials D1 presents at our token endpoint (E6), and that token's lifetime.
  D1_NOTIFY_CLIENT_ID: optionalString,
  D1_NOTIFY_CLIENT_SECRET: optionalString,
  // During a secret rollover: the old secret, still accepted next to D1_NOTIFY_CLIENT_SECRET.
  D1_NOTIFY_CLIENT_SECRET_PREVIOUS: optionalString,
  D1_NOTIFY_TOKEN_TTL_SECONDS: int(900, 60, 3600),
  D1_NOTIFY_MAX_BODY_BYTES: int(256 * 1024, 1024, 10 * 1024 * 1024),
  // How D1 authenticates its notifications (d1-api.md §11): mutual TLS verified by the proxy,
  // our bearer token, or both. Unset: both when both are configured, else the one configured.
  D1_NOTIFY_AUTH: optionalString.pipe(z.enum(NOTIFY_AUTH_MODES).optional()),
  // mTLS: the proxy's headers saying it verified D1's certificate (value SUCCESS) and its subject DN.
  D1_NOTIFY_CLIENT_CERT_HEADER: headerName("x-ssl-client-verify"),
  D1_NOTIFY_CLIENT_SUBJECT_HEADER: headerName("x-ssl-client-subject"),
  D1_NOTIFY_CLIENT_SUBJECT: optionalString,

  // The bank's card management system (lib/card-system, docs/card-system.md): `simulated` makes
  // fake PANs; `http` calls the bank's service over mutual TLS (docs/card-system.openapi.yaml).
  CARD_SYSTEM: z.enum(["simulated", "http"]).default("simulated"),
  CARD_SYSTEM_URL: z.url({ protocol: /^https$/ }).optional(),
  CARD_SYSTEM_TLS_CERT_FILE: optionalString,
  CARD_SYSTEM_TLS_KEY_FILE: optionalString,
  CARD_SYSTEM_TLS_CA_FILE: optionalString,
  CARD_SYSTEM_TIMEOUT_MS: int(5_000, 100, 60_000),
  CARD_SYSTEM_MAX_ATTEMPTS: int(3, 1, 10),
  // With a real D1 (D1_BANKING_URL set) simulated card data is refused unless this is true
  // (D1's sandbox, or our simulator, which npm start sets it for).
  CARD_SYSTEM_ALLOW_SIMULATED: bool(false),
});

export type ServerEnv = z.infer<typeof serverSchema>;

function parse(source: Record<string, string | undefined>): ServerEnv {
  const result = serverSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment settings:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const building = env.NEXT_PHASE === "phase-production-build";
  if (env.NODE_ENV === "production" && !building && !env.AUTH_SECRET) {
    throw new Error("Invalid environment settings:\n  AUTH_SECRET: required in production");
  }
  if (env.AUTH_OIDC_ISSUER && !(env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET)) {
    throw new Error(
      "Invalid environment settings:\n  AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are required with AUTH_OIDC_ISSUER",
    );
  }
  if (env.HTTP_HEADERS_TIMEOUT_SECONDS > env.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new Error(
      "Invalid environment settings:\n  HTTP_HEADERS_TIMEOUT_SECONDS may not exceed HTTP_REQUEST_TIMEOUT_SECONDS",
    );
  }
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
    throw new Error("Invalid environment settings:\n  METRICS_PORT: must differ from PORT");
  }
  if (env.SHUTDOWN_DRAIN_SECONDS >= env.SHUTDOWN_GRACE_SECONDS) {
    throw new Error("Invalid environment settings:\n  SHUTDOWN_DRAIN_SECONDS must be less than SHUTDOWN_GRACE_SECONDS");
  }
  const cardSystem = cardSystemProblem(env);
  if (cardSystem && !building) throw new Error(`Invalid environment settings:\n  ${cardSystem}`);
  try {
    return { ...env, D1_NOTIFY_AUTH: resolveNotifyAuthMode(env) };
  } catch (error) {
    throw new Error(`Invalid environment settings:\n  ${(error as Error).message}`);
  }
}

/** Why the card system settings cannot work, or null. */
function cardSystemProblem(env: ServerEnv): string | null {
  if (env.CARD_SYSTEM === "http") {
    const missing = (["CARD_SYSTEM_URL", "CARD_SYSTEM_TLS_CERT_FILE", "CARD_SYSTEM_TLS_KEY_FILE"] as const).filter(
      (name) => !env[name],
    );
    return missing.length ? `${missing.join(", ")}: required with CARD_SYSTEM=http` : null;
  }
  // Fake card numbers sent to a real D1 would be personalised onto real plastic.
  if (env.D1_BANKING_URL && !env.CARD_SYSTEM_ALLOW_SIMULATED) {
    return (
      "CARD_SYSTEM: is simulated (fake card numbers) while D1_BANKING_URL points at a real D1. " +
      "Set CARD_SYSTEM=http with the bank's card system, or CARD_SYSTEM_ALLOW_SIMULATED=true for D1's sandbox."
    );
  }
  return null;
}

export const env: ServerEnv = parse(process.env);

/** For tools that must re-read settings after setting them (scripts, tests). */
export function loadEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  return parse(source);
}
