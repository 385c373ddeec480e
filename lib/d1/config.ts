// D1 client settings: read once from the validated env (files are read here, so a wrong path or
// a wrong key type fails at start-up, naming the setting) or built directly by tests.
import "server-only";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { env, type ServerEnv } from "@/lib/env";

export interface RetryPolicy {
  /** First backoff cap; doubles per attempt (full jitter picks a delay below it). */
  baseDelayMs: number;
  /** Upper bound of one backoff delay. */
  maxDelayMs: number;
  /** A longer Retry-After is not waited for in the call; the error carries it for the job queue. */
  maxRetryAfterMs: number;
}

export interface D1Config {
  /** Exactly 10 characters, given by Thales at onboarding (§4). */
  issuerId: string;
  /** e.g. https://api.d1.thalescloud.io/banking/v1 (no trailing slash). */
  bankingUrl: string;
  /** e.g. https://api.d1.thalescloud.io/authz/v1 (no trailing slash). */
  authzUrl: string;
  /** mTLS client certificate and key (PEM); `ca` replaces the system roots when given. */
  tls: { cert: string; key: string; ca?: string };
  /** ES256 private key (PKCS#8 PEM) for the jwt-bearer assertion and the kid D1 knows it by. */
  signing: { privateKeyPem: string; kid: string };
  /** D1's P-256 public key (SPKI PEM) that `encryptedData` is encrypted to, and its kid. */
  encryption: { publicKeyPem: string; kid: string };
  /**
   * During a key rollover: the configured key of each pair that is not in use (the next one
   * before the switch, the old one after it). Loaded and checked like the used one, never used.
   */
  rollover?: { signing?: { privateKeyPem: string; kid: string }; encryption?: { publicKeyPem: string; kid: string } };
  /** Optional `aud` of the assertion (value not published by D1, §5.2). */
  audience?: string;
  /** Per-request timeout (connect, headers, body, and the whole attempt). */
  timeoutMs: number;
  /** Attempts per call for network errors, timeouts, 429 and 5xx. */
  maxAttempts: number;
  retry?: Partial<RetryPolicy>;
  /**
   * D1_CANCEL_PATH: the tenant's cancellation path with {issuerId} and {cardId}, when it has one
   * (D1 publishes none, §12 [U]); unset: D1 is not asked to cancel.
   */
  cancelPath?: string;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 250, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 };

export type D1Settings = Pick<
  ServerEnv,
  | "D1_ISSUER_ID"
  | "D1_BANKING_URL"
  | "D1_AUTHZ_URL"
  | "D1_TLS_CERT_FILE"
  | "D1_TLS_KEY_FILE"
  | "D1_TLS_CA_FILE"
  | "D1_SIGNING_KEY_FILE"
  | "D1_SIGNING_KID"
  | "D1_ENCRYPTION_KEY_FILE"
  | "D1_ENCRYPTION_KID"
  | "D1_TOKEN_AUDIENCE"
  | "D1_TIMEOUT_MS"
  | "D1_MAX_ATTEMPTS"
> &
  // Optional so that callers built before key rollover existed keep compiling.
  Partial<
    Pick<
      ServerEnv,
      | "D1_SIGNING_KEY_FILE_NEXT"
      | "D1_SIGNING_KID_NEXT"
      | "D1_SIGNING_ACTIVE"
      | "D1_ENCRYPTION_KEY_FILE_NEXT"
      | "D1_ENCRYPTION_KID_NEXT"
      | "D1_ENCRYPTION_ACTIVE"
      | "D1_CANCEL_PATH"
    >
  >;

/** A deployment problem, not a request problem: the message names the settings to fix. */
export class D1ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "D1ConfigError";
  }
}

/** Settings the D1 client cannot work without (D1_TLS_CA_FILE and D1_TOKEN_AUDIENCE are optional). */
export const REQUIRED_D1_SETTINGS = [
  "D1_ISSUER_ID",
  "D1_BANKING_URL",
  "D1_AUTHZ_URL",
  "D1_TLS_CERT_FILE",
  "D1_TLS_KEY_FILE",
  "D1_SIGNING_KEY_FILE",
  "D1_SIGNING_KID",
  "D1_ENCRYPTION_KEY_FILE",
  "D1_ENCRYPTION_KID",
] as const satisfies readonly (keyof D1Settings)[];

function readSetting(setting: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new D1ConfigError(`${setting}: cannot read ${file} (${code})`);
  }
}

function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1";
}

// jose imports PKCS#8 private keys and SPKI public keys only; Node would also accept SEC1 or
// derive a public key from a private one, so the PEM label is checked first.
const PEM_LABEL = {
  private: {
    label: "-----BEGIN PRIVATE KEY-----",
    hint: "a PKCS#8 PEM private key (BEGIN PRIVATE KEY; convert with openssl pkcs8 -topk8 -nocrypt)",
  },
  public: { label: "-----BEGIN PUBLIC KEY-----", hint: "an SPKI PEM public key (BEGIN PUBLIC KEY)" },
};

function checkKey(setting: string, pem: string, kind: "private" | "public"): void {
  const { label, hint } = PEM_LABEL[kind];
  if (!pem.includes(label)) throw new D1ConfigError(`${setting}: expected ${hint}`);
  let key: KeyObject;
  try {
    key = kind === "private" ? createPrivateKey(pem) : createPublicKey(pem);
  } catch {
    throw new D1ConfigError(`${setting}: expected ${hint}; the file does not parse`);
  }
  if (!isP256(key)) throw new D1ConfigError(`${setting}: expected an EC P-256 key`);
}

/** Reads the `_NEXT` key of a pair; both of its settings or neither, and a kid of its own. */
function readNext(
  base: "D1_SIGNING" | "D1_ENCRYPTION",
  file: string | undefined,
  kid: string | undefined,
  currentKid: string,
  kind: "private" | "public",
): { pem: string; kid: string } | undefined {
  if (!file && !kid) return undefined;
  if (!file || !kid) throw new D1ConfigError(`${base}_KEY_FILE_NEXT and ${base}_KID_NEXT are set together`);
  if (kid === currentKid)
    throw new D1ConfigError(`${base}_KID_NEXT must differ from ${base}_KID (D1 picks keys by kid)`);
  const pem = readSetting(`${base}_KEY_FILE_NEXT`, file);
  checkKey(`${base}_KEY_FILE_NEXT`, pem, kind);
  return { pem, kid };
}

/** The used key and the other one (if any) of a rollover pair. */
function pick<T>(setting: string, current: T, next: T | undefined, active: "current" | "next" | undefined) {
  if (active !== "next") return { used: current, other: next };
  if (!next) throw new D1ConfigError(`${setting}=next needs the _NEXT key file and kid`);
  return { used: next, other: current };
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** Builds the client settings from the validated env; throws D1ConfigError naming what is wrong. */
export function loadD1Config(settings: D1Settings = env): D1Config {
  const missing = REQUIRED_D1_SETTINGS.filter((name) => !settings[name]);
  if (missing.length > 0) {
    throw new D1ConfigError(
      `D1 is not configured: set ${missing.join(", ")} (npm start fills them in when it runs the D1 simulator)`,
    );
  }
  // Non-null: checked just above, but TypeScript cannot see through the loop.
  const s = settings as Required<D1Settings>;
  const signingKey = readSetting("D1_SIGNING_KEY_FILE", s.D1_SIGNING_KEY_FILE);
  checkKey("D1_SIGNING_KEY_FILE", signingKey, "private");
  const encryptionKey = readSetting("D1_ENCRYPTION_KEY_FILE", s.D1_ENCRYPTION_KEY_FILE);
  checkKey("D1_ENCRYPTION_KEY_FILE", encryptionKey, "public");
  const signingNext = readNext(
    "D1_SIGNING",
    settings.D1_SIGNING_KEY_FILE_NEXT,
    settings.D1_SIGNING_KID_NEXT,
    s.D1_SIGNING_KID,
    "private",
  );
  const encryptionNext = readNext(
    "D1_ENCRYPTION",
    settings.D1_ENCRYPTION_KEY_FILE_NEXT,
    settings.D1_ENCRYPTION_KID_NEXT,
    s.D1_ENCRYPTION_KID,
    "public",
  );
  const signing = pick(
    "D1_SIGNING_ACTIVE",
    { privateKeyPem: signingKey, kid: s.D1_SIGNING_KID },
    signingNext && { privateKeyPem: signingNext.pem, kid: signingNext.kid },
    settings.D1_SIGNING_ACTIVE,
  );
  const encryption = pick(
    "D1_ENCRYPTION_ACTIVE",
    { publicKeyPem: encryptionKey, kid: s.D1_ENCRYPTION_KID },
    encryptionNext && { publicKeyPem: encryptionNext.pem, kid: encryptionNext.kid },
    settings.D1_ENCRYPTION_ACTIVE,
  );
  const rollover = {
    ...(signing.other ? { signing: signing.other } : {}),
    ...(encryption.other ? { encryption: encryption.other } : {}),
  };
  return {
    issuerId: s.D1_ISSUER_ID,
    bankingUrl: trimSlash(s.D1_BANKING_URL),
    authzUrl: trimSlash(s.D1_AUTHZ_URL),
    tls: {
      cert: readSetting("D1_TLS_CERT_FILE", s.D1_TLS_CERT_FILE),
      key: readSetting("D1_TLS_KEY_FILE", s.D1_TLS_KEY_FILE),
      ...(settings.D1_TLS_CA_FILE ? { ca: readSetting("D1_TLS_CA_FILE", settings.D1_TLS_CA_FILE) } : {}),
    },
    signing: signing.used,
    encryption: encryption.used,
    ...(signing.other || encryption.other ? { rollover } : {}),
    ...(settings.D1_TOKEN_AUDIENCE ? { audience: settings.D1_TOKEN_AUDIENCE } : {}),
    timeoutMs: settings.D1_TIMEOUT_MS,
    maxAttempts: settings.D1_MAX_ATTEMPTS,
    ...(settings.D1_CANCEL_PATH ? { cancelPath: settings.D1_CANCEL_PATH } : {}),
  };
}

export function retryPolicy(config: D1Config): RetryPolicy {
  return { ...DEFAULT_RETRY, ...config.retry };
}
