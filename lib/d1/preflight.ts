// The D1 pre-flight check (`npm run d1:check`, Administration → D1 connection): before the first
// customer, tells an operator which part of the D1 set-up is wrong and why. Every step runs on
// its own; a step that cannot run without another one's result says "skipped because …".
// It never orders a card: the only D1 calls are a token (E1) and productionStatus (E3).
import "server-only";
import { randomBytes, X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { CompactEncrypt, importSPKI } from "jose";
import pino, { type Logger } from "pino";
import type { ServerEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { createD1Client, type D1Client } from "./client";
import { loadD1Config, REQUIRED_D1_SETTINGS, type D1Settings } from "./config";
import {
  certificateFacts,
  errorCode,
  tlsHandshake,
  unauthenticatedPost,
  type HandshakeFacts,
} from "./preflight-probes";
import { cardSystemProbe, type CardSystemProbe } from "./preflight-card-system";
import { describeTlsError } from "./preflight-text";

export type StepStatus = "ok" | "warn" | "fail" | "skip";

export interface StepResult {
  id: string;
  title: string;
  status: StepStatus;
  /** One sentence an operator can act on. */
  message: string;
  /** Facts behind the sentence (dates, subjects, URLs); never secrets. */
  details: Record<string, string>;
}

export interface PreflightReport {
  ok: boolean;
  at: string;
  steps: StepResult[];
}

export type PreflightSettings = D1Settings & Partial<Pick<ServerEnv, "PUBLIC_ORIGIN" | "AUTH_URL">>;

export interface PreflightDeps {
  settings: PreflightSettings;
  /** The card system to ping; defaults to the configured one (CARD_SYSTEM). */
  cardSystem?: CardSystemProbe;
  now?: () => Date;
  logger?: Logger;
  /** Per network step; defaults to the smaller of D1_TIMEOUT_MS and 10 s. */
  timeoutMs?: number;
  /** Run only these steps (by id), e.g. the local ones for a page that shows certificate dates. */
  only?: readonly string[];
}

/** Steps that read local files only: cheap enough to run on every page view. */
export const LOCAL_STEPS = ["settings", "files", "expiry", "jwe"] as const;

export const EXPIRY_WARN_DAYS = 30;
const DAY_MS = 86_400_000;

/** What the steps learn and share; each field is filled by exactly one step. */
interface Context {
  deps: Required<Omit<PreflightDeps, "cardSystem" | "only">> & { cardSystem: CardSystemProbe };
  tls?: { cert: string; key: string; ca?: string };
  clientCert?: X509Certificate;
  caCert?: X509Certificate;
  handshake: Map<string, HandshakeFacts | Error>;
  client?: D1Client;
  tokenOk?: boolean;
}

type Outcome = Omit<StepResult, "id" | "title">;
interface Step {
  id: string;
  title: string;
  run(ctx: Context): Outcome | Promise<Outcome>;
}

const ok = (message: string, details: Record<string, string> = {}): Outcome => ({ status: "ok", message, details });
const warn = (message: string, details: Record<string, string> = {}): Outcome => ({
  status: "warn",
  message,
  details,
});
const fail = (message: string, details: Record<string, string> = {}): Outcome => ({
  status: "fail",
  message,
  details,
});
const skip = (because: string): Outcome => ({ status: "skip", message: `Skipped because ${because}.`, details: {} });

function readFile(setting: string, file: string | undefined): { text?: string; problem?: string } {
  if (!file) return { problem: `${setting} is not set` };
  try {
    return { text: readFileSync(file, "utf8") };
  } catch (err) {
    return { problem: `${setting}: cannot read ${file} (${errorCode(err)})` };
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The URL D1 posts notifications to, from the app's public origin (PUBLIC_ORIGIN or AUTH_URL). */
export function receiverUrl(settings: PreflightSettings): string | undefined {
  const origin = settings.PUBLIC_ORIGIN ?? (settings.AUTH_URL ? new URL(settings.AUTH_URL).origin : undefined);
  if (!origin || !settings.D1_ISSUER_ID) return undefined;
  return `${origin}/notifications/d1/v2/issuers/${encodeURIComponent(settings.D1_ISSUER_ID)}/cards`;
}

export const STEPS: Step[] = [
  {
    id: "settings",
    title: "Settings complete",
    run({ deps: { settings } }) {
      const missing = REQUIRED_D1_SETTINGS.filter((name) => !settings[name]);
      const details = Object.fromEntries(REQUIRED_D1_SETTINGS.map((n) => [n, settings[n] ? "set" : "missing"]));
      if (missing.length > 0) return fail(`Set ${missing.join(", ")}.`, details);
      if (!settings.D1_TLS_CA_FILE)
        details.D1_TLS_CA_FILE = "unset: D1's server certificate is checked against the system roots";
      if (!receiverUrl(settings)) {
        return warn(
          "Set PUBLIC_ORIGIN (the address D1 and browsers reach the app at) so the receiver can be checked.",
          details,
        );
      }
      return ok("Every D1 setting is present.", details);
    },
  },
  {
    id: "files",
    title: "Certificate and key files",
    run(ctx) {
      const { settings } = ctx.deps;
      const cert = readFile("D1_TLS_CERT_FILE", settings.D1_TLS_CERT_FILE);
      const key = readFile("D1_TLS_KEY_FILE", settings.D1_TLS_KEY_FILE);
      const ca = settings.D1_TLS_CA_FILE ? readFile("D1_TLS_CA_FILE", settings.D1_TLS_CA_FILE) : {};
      const problems = [cert.problem, key.problem, ca.problem].filter(Boolean);
      if (problems.length > 0) return fail(`${problems.join("; ")}.`);
      let clientCert: X509Certificate;
      let privateKey: KeyObject;
      try {
        clientCert = new X509Certificate(cert.text!);
      } catch {
        return fail("D1_TLS_CERT_FILE is not a PEM certificate.");
      }
      try {
        privateKey = createPrivateKey(key.text!);
      } catch {
        return fail("D1_TLS_KEY_FILE is not a PEM private key (or it is encrypted with a passphrase).");
      }
      if (ca.text) {
        try {
          ctx.caCert = new X509Certificate(ca.text);
        } catch {
          return fail("D1_TLS_CA_FILE is not a PEM certificate.");
        }
      }
      ctx.clientCert = clientCert;
      const facts = certificateFacts(clientCert);
      const details = { subject: facts.subject, issuer: facts.issuer, keyType: privateKey.asymmetricKeyType ?? "?" };
      // Only a matching pair can be used for mTLS: the certificate's public key is the key's.
      if (!clientCert.checkPrivateKey(privateKey)) {
        return fail(
          "The client certificate (D1_TLS_CERT_FILE) does not belong to the key in D1_TLS_KEY_FILE.",
          details,
        );
      }
      ctx.tls = { cert: cert.text!, key: key.text!, ...(ca.text ? { ca: ca.text } : {}) };
      return ok("The client certificate and key are readable and belong together.", details);
    },
  },
  {
    id: "expiry",
    title: "Client certificate expiry",
    run(ctx) {
      if (!ctx.clientCert) return skip("the client certificate could not be read");
      const now = ctx.deps.now();
      const facts = certificateFacts(ctx.clientCert);
      const daysLeft = Math.floor((facts.notAfter.getTime() - now.getTime()) / DAY_MS);
      const details: Record<string, string> = {
        validFrom: facts.notBefore.toISOString(),
        validTo: facts.notAfter.toISOString(),
        daysLeft: String(daysLeft),
      };
      if (ctx.caCert) details.caValidTo = certificateFacts(ctx.caCert).notAfter.toISOString();
      if (now < facts.notBefore)
        return fail(`The client certificate is not valid before ${day(facts.notBefore)}.`, details);
      if (daysLeft < 0) return fail(`The client certificate expired on ${day(facts.notAfter)}.`, details);
      if (daysLeft < EXPIRY_WARN_DAYS) {
        return warn(
          `The client certificate expires on ${day(facts.notAfter)}, in ${daysLeft} days: send Thales a new CSR now.`,
          details,
        );
      }
      return ok(`The client certificate is valid until ${day(facts.notAfter)} (${daysLeft} days).`, details);
    },
  },
  {
    id: "tls",
    title: "TLS handshake with D1",
    async run(ctx) {
      const { settings, timeoutMs } = ctx.deps;
      if (!ctx.tls) return skip("the certificate and key files are not usable");
      const urls = [
        ["banking", settings.D1_BANKING_URL],
        ["authz", settings.D1_AUTHZ_URL],
      ].filter((u): u is [string, string] => Boolean(u[1]));
      if (urls.length === 0) return skip("D1_BANKING_URL and D1_AUTHZ_URL are not set");
      const details: Record<string, string> = {};
      const failures: string[] = [];
      for (const [name, url] of urls) {
        const result = await tlsHandshake(url, ctx.tls, timeoutMs).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        );
        ctx.handshake.set(url, result);
        if (result instanceof Error) {
          details[name] = `${url}: ${errorCode(result)}`;
          failures.push(`${name} URL ${url}: ${describeTlsError(errorCode(result))}`);
        } else {
          details[name] =
            `${url}: ${result.protocol}, server ${result.server.subject}, valid to ${result.server.notAfter}`;
        }
      }
      if (failures.length > 0) return fail(`${failures.join(" ")}`, details);
      return ok("D1 accepted our client certificate and its server certificate is trusted.", details);
    },
  },
  {
    id: "token",
    title: "Access token (E1)",
    async run(ctx) {
      const { settings } = ctx.deps;
      if (ctx.handshake.get(settings.D1_AUTHZ_URL ?? "") instanceof Error) {
        return skip("the TLS handshake with the authz URL failed");
      }
      if (!ctx.tls) return skip("the certificate and key files are not usable");
      try {
        const config = loadD1Config(settings);
        // One attempt and a short timeout: the check reports, the product retries.
        ctx.client = createD1Client(
          { ...config, maxAttempts: 1, timeoutMs: ctx.deps.timeoutMs },
          { logger: ctx.deps.logger },
        );
      } catch (err) {
        return skip(`the D1 settings are not usable (${err instanceof Error ? err.message : "unknown"})`);
      }
      try {
        await ctx.client.tokens.get();
        ctx.tokenOk = true;
        return ok("D1 issued an access token for our signed assertion.", { kid: settings.D1_SIGNING_KID ?? "" });
      } catch (err) {
        return fail(`D1 refused the token request: ${explain(err)}`, { kid: settings.D1_SIGNING_KID ?? "" });
      }
    },
  },
  {
    id: "jwe",
    title: "Encryption key (JWE)",
    async run({ deps: { settings } }) {
      const file = readFile("D1_ENCRYPTION_KEY_FILE", settings.D1_ENCRYPTION_KEY_FILE);
      if (file.problem) return fail(`${file.problem}.`);
      let key: KeyObject;
      try {
        key = createPublicKey(file.text!);
      } catch {
        return fail("D1_ENCRYPTION_KEY_FILE is not a PEM public key.");
      }
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const details = {
        kid: settings.D1_ENCRYPTION_KID ?? "",
        type: `${key.asymmetricKeyType ?? "?"} ${curve ?? ""}`.trim(),
      };
      if (key.asymmetricKeyType !== "ec" || curve !== "prime256v1") {
        return fail("D1_ENCRYPTION_KEY_FILE must be D1's EC P-256 public key (§6).", details);
      }
      try {
        // A dummy payload, no card data: proves the key imports and encrypts as orders do.
        await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ check: "d1-preflight" })))
          .setProtectedHeader({ alg: "ECDH-ES", enc: "A256GCM", kid: settings.D1_ENCRYPTION_KID ?? "" })
          .encrypt(await importSPKI(file.text!, "ECDH-ES"));
      } catch (err) {
        return fail(`The encryption key cannot encrypt (${errorCode(err)}).`, details);
      }
      if (!settings.D1_ENCRYPTION_KID) return fail("Set D1_ENCRYPTION_KID: D1 picks its key by it.", details);
      return ok("A test payload was encrypted with D1's P-256 key (ECDH-ES, A256GCM).", details);
    },
  },
  {
    id: "status",
    title: "productionStatus (E3)",
    async run(ctx) {
      if (!ctx.client || !ctx.tokenOk) return skip("no access token was issued");
      const handshake = ctx.handshake.get(ctx.deps.settings.D1_BANKING_URL ?? "");
      if (handshake instanceof Error) return skip("the TLS handshake with the banking URL failed");
      // A card nobody ordered: D1 should not know it (404, d1-api.md §8). Nothing is ordered.
      const cardId = `preflight-${randomBytes(12).toString("hex")}`;
      const details = { cardId };
      try {
        const status = await ctx.client.getProductionStatus(cardId);
        if (status === null) return ok("D1 answered 404 for an unknown card, as documented.", details);
        return warn(
          `D1 answered 200 with ${status.operations.length} operation(s) for a card nobody ordered; D1 may answer unknown cards differently than documented.`,
          details,
        );
      } catch (err) {
        return fail(`productionStatus failed: ${explain(err)}`, details);
      }
    },
  },
  {
    id: "receiver",
    title: "Our notification receiver",
    async run({ deps: { settings, timeoutMs } }) {
      const url = receiverUrl(settings);
      if (!url) return skip("PUBLIC_ORIGIN (or AUTH_URL) or D1_ISSUER_ID is not set");
      const details: Record<string, string> = { url };
      try {
        const status = await unauthenticatedPost(url, timeoutMs);
        details.httpStatus = String(status);
        if (status === 401)
          return ok("The receiver is reachable and refused a call without credentials (401).", details);
        if (status >= 200 && status < 300) {
          return fail(
            `The receiver ACCEPTED a notification without credentials (${status}): check D1_NOTIFY_* settings.`,
            details,
          );
        }
        return fail(`The receiver answered ${status} to a call without credentials; 401 was expected.`, details);
      } catch (err) {
        const code = errorCode(err);
        // A proxy that demands D1's client certificate refuses us before HTTP: that is a refusal too.
        if (/CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE|ALERT_BAD_CERTIFICATE/.test(code)) {
          return ok("The receiver's TLS proxy refused a call without a client certificate.", {
            ...details,
            reason: code,
          });
        }
        return fail(`The receiver is not reachable at ${url} (${code}).`, { ...details, reason: code });
      }
    },
  },
  {
    id: "card-system",
    title: "Card system",
    async run({ deps: { cardSystem } }) {
      try {
        const answer = await cardSystem.ping();
        return ok(`${cardSystem.name} answered. ${answer}`.trim(), { adapter: cardSystem.name });
      } catch (err) {
        return fail(`${cardSystem.name} did not answer: ${explain(err)}`, { adapter: cardSystem.name });
      }
    },
  },
];

function explain(err: unknown): string {
  if (isAppError(err)) {
    const detail: Record<string, unknown> = err.detail ?? {};
    const facts = ["httpStatus", "d1ErrorCode", "reason"]
      .filter((k) => detail[k] !== undefined)
      .map((k) => `${k} ${String(detail[k])}`);
    return `${err.message}${facts.length ? ` (${facts.join(", ")})` : ""}`;
  }
  return err instanceof Error ? `${errorCode(err)}` : "unknown error";
}

/** Runs every step in order and reports each; `ok` is false when any step failed. */
export async function runPreflight(deps: PreflightDeps): Promise<PreflightReport> {
  const settings = deps.settings;
  const ctx: Context = {
    deps: {
      settings,
      now: deps.now ?? (() => new Date()),
      logger: deps.logger ?? pino({ level: "silent" }),
      timeoutMs: deps.timeoutMs ?? Math.min(settings.D1_TIMEOUT_MS || 10_000, 10_000),
      cardSystem: deps.cardSystem ?? cardSystemProbe(),
    },
    handshake: new Map(),
  };
  const steps: StepResult[] = [];
  try {
    for (const step of STEPS.filter((s) => !deps.only || deps.only.includes(s.id))) {
      let outcome: Outcome;
      try {
        outcome = await step.run(ctx);
      } catch (err) {
        // A bug in one step must not hide the others.
        outcome = fail(`The step itself failed (${errorCode(err)}).`);
      }
      steps.push({ id: step.id, title: step.title, ...outcome });
    }
  } finally {
    await ctx.client?.close();
  }
  return { ok: steps.every((s) => s.status !== "fail"), at: ctx.deps.now().toISOString(), steps };
}
