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
import { describeTlsError, englishText, englishTitle, text, type D1StepId, type D1Text } from "./preflight-text";

export type StepStatus = "ok" | "warn" | "fail" | "skip";

export interface StepResult {
  id: D1StepId;
  /** In English, like `message`; the page names the step by its id in the user's language. */
  title: string;
  status: StepStatus;
  /** What an operator can act on, as message keys with values (D1Check.text.*): the page says them in the user's language. */
  texts: D1Text[];
  /** The same in English, for the terminal and the log. */
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

type Outcome = Omit<StepResult, "id" | "title" | "message">;
interface Step {
  id: D1StepId;
  run(ctx: Context): Outcome | Promise<Outcome>;
}

type Said = D1Text | D1Text[];
const result =
  (status: StepStatus) =>
  (said: Said, details: Record<string, string> = {}): Outcome => ({
    status,
    texts: Array.isArray(said) ? said : [said],
    details,
  });
const ok = result("ok");
const warn = result("warn");
const fail = result("fail");
const skip = (because: D1Text): Outcome => result("skip")(because);

function readFile(setting: string, file: string | undefined): { text?: string; problem?: D1Text } {
  if (!file) return { problem: text("fileNotSet", { setting }) };
  try {
    return { text: readFileSync(file, "utf8") };
  } catch (err) {
    return { problem: text("fileUnreadable", { setting, file, code: errorCode(err) }) };
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
    run({ deps: { settings } }) {
      const missing = REQUIRED_D1_SETTINGS.filter((name) => !settings[name]);
      const details = Object.fromEntries(REQUIRED_D1_SETTINGS.map((n) => [n, settings[n] ? "set" : "missing"]));
      if (missing.length > 0) return fail(text("settingsMissing", { settings: missing.join(", ") }), details);
      if (!settings.D1_TLS_CA_FILE)
        details.D1_TLS_CA_FILE = "unset: D1's server certificate is checked against the system roots";
      if (!receiverUrl(settings)) {
        return warn(text("settingsNoOrigin"), details);
      }
      return ok(text("settingsOk"), details);
    },
  },
  {
    id: "files",
    run(ctx) {
      const { settings } = ctx.deps;
      const cert = readFile("D1_TLS_CERT_FILE", settings.D1_TLS_CERT_FILE);
      const key = readFile("D1_TLS_KEY_FILE", settings.D1_TLS_KEY_FILE);
      const ca = settings.D1_TLS_CA_FILE ? readFile("D1_TLS_CA_FILE", settings.D1_TLS_CA_FILE) : {};
      const problems = [cert.problem, key.problem, ca.problem].filter((p): p is D1Text => p !== undefined);
      if (problems.length > 0) return fail(problems);
      let clientCert: X509Certificate;
      let privateKey: KeyObject;
      try {
        clientCert = new X509Certificate(cert.text!);
      } catch {
        return fail(text("certNotPem"));
      }
      try {
        privateKey = createPrivateKey(key.text!);
      } catch {
        return fail(text("keyNotPem"));
      }
      if (ca.text) {
        try {
          ctx.caCert = new X509Certificate(ca.text);
        } catch {
          return fail(text("caNotPem"));
        }
      }
      ctx.clientCert = clientCert;
      const facts = certificateFacts(clientCert);
      const details = { subject: facts.subject, issuer: facts.issuer, keyType: privateKey.asymmetricKeyType ?? "?" };
      // Only a matching pair can be used for mTLS: the certificate's public key is the key's.
      if (!clientCert.checkPrivateKey(privateKey)) {
        return fail(text("keyMismatch"), details);
      }
      ctx.tls = { cert: cert.text!, key: key.text!, ...(ca.text ? { ca: ca.text } : {}) };
      return ok(text("filesOk"), details);
    },
  },
  {
    id: "expiry",
    run(ctx) {
      if (!ctx.clientCert) return skip(text("skipNoCertificate"));
      const now = ctx.deps.now();
      const facts = certificateFacts(ctx.clientCert);
      const daysLeft = Math.floor((facts.notAfter.getTime() - now.getTime()) / DAY_MS);
      const details: Record<string, string> = {
        validFrom: facts.notBefore.toISOString(),
        validTo: facts.notAfter.toISOString(),
        daysLeft: String(daysLeft),
      };
      if (ctx.caCert) details.caValidTo = certificateFacts(ctx.caCert).notAfter.toISOString();
      if (now < facts.notBefore) return fail(text("notYetValid", { date: day(facts.notBefore) }), details);
      if (daysLeft < 0) return fail(text("expired", { date: day(facts.notAfter) }), details);
      if (daysLeft < EXPIRY_WARN_DAYS) {
        return warn(text("expiresSoon", { date: day(facts.notAfter), days: daysLeft }), details);
      }
      return ok(text("validUntil", { date: day(facts.notAfter), days: daysLeft }), details);
    },
  },
  {
    id: "tls",
    async run(ctx) {
      const { settings, timeoutMs } = ctx.deps;
      if (!ctx.tls) return skip(text("skipFilesUnusable"));
      const urls = [
        ["banking", settings.D1_BANKING_URL],
        ["authz", settings.D1_AUTHZ_URL],
      ].filter((u): u is [string, string] => Boolean(u[1]));
      if (urls.length === 0) return skip(text("skipNoUrls"));
      const details: Record<string, string> = {};
      const failures: D1Text[] = [];
      for (const [name, url] of urls) {
        const result = await tlsHandshake(url, ctx.tls, timeoutMs).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        );
        ctx.handshake.set(url, result);
        if (result instanceof Error) {
          details[name] = `${url}: ${errorCode(result)}`;
          failures.push(describeTlsError(errorCode(result), name, url));
        } else {
          details[name] =
            `${url}: ${result.protocol}, server ${result.server.subject}, valid to ${result.server.notAfter}`;
        }
      }
      if (failures.length > 0) return fail(failures, details);
      return ok(text("tlsOk"), details);
    },
  },
  {
    id: "token",
    async run(ctx) {
      const { settings } = ctx.deps;
      if (ctx.handshake.get(settings.D1_AUTHZ_URL ?? "") instanceof Error) {
        return skip(text("skipAuthzHandshake"));
      }
      if (!ctx.tls) return skip(text("skipFilesUnusable"));
      try {
        const config = loadD1Config(settings);
        // One attempt and a short timeout: the check reports, the product retries.
        ctx.client = createD1Client(
          { ...config, maxAttempts: 1, timeoutMs: ctx.deps.timeoutMs },
          { logger: ctx.deps.logger },
        );
      } catch (err) {
        return skip(text("skipSettingsUnusable", { reason: err instanceof Error ? err.message : "unknown" }));
      }
      try {
        await ctx.client.tokens.get();
        ctx.tokenOk = true;
        return ok(text("tokenOk"), { kid: settings.D1_SIGNING_KID ?? "" });
      } catch (err) {
        return fail(text("tokenRefused", { reason: explain(err) }), { kid: settings.D1_SIGNING_KID ?? "" });
      }
    },
  },
  {
    id: "jwe",
    async run({ deps: { settings } }) {
      const file = readFile("D1_ENCRYPTION_KEY_FILE", settings.D1_ENCRYPTION_KEY_FILE);
      if (file.problem) return fail(file.problem);
      let key: KeyObject;
      try {
        key = createPublicKey(file.text!);
      } catch {
        return fail(text("jweNotPem"));
      }
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const details = {
        kid: settings.D1_ENCRYPTION_KID ?? "",
        type: `${key.asymmetricKeyType ?? "?"} ${curve ?? ""}`.trim(),
      };
      if (key.asymmetricKeyType !== "ec" || curve !== "prime256v1") {
        return fail(text("jweWrongKey"), details);
      }
      try {
        // A dummy payload, no card data: proves the key imports and encrypts as orders do.
        await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ check: "d1-preflight" })))
          .setProtectedHeader({ alg: "ECDH-ES", enc: "A256GCM", kid: settings.D1_ENCRYPTION_KID ?? "" })
          .encrypt(await importSPKI(file.text!, "ECDH-ES"));
      } catch (err) {
        return fail(text("jweCannotEncrypt", { code: errorCode(err) }), details);
      }
      if (!settings.D1_ENCRYPTION_KID) return fail(text("jweNoKid"), details);
      return ok(text("jweOk"), details);
    },
  },
  {
    id: "status",
    async run(ctx) {
      if (!ctx.client || !ctx.tokenOk) return skip(text("skipNoToken"));
      const handshake = ctx.handshake.get(ctx.deps.settings.D1_BANKING_URL ?? "");
      if (handshake instanceof Error) return skip(text("skipBankingHandshake"));
      // A card nobody ordered: D1 should not know it (404, d1-api.md §8). Nothing is ordered.
      const cardId = `preflight-${randomBytes(12).toString("hex")}`;
      const details = { cardId };
      try {
        const status = await ctx.client.getProductionStatus(cardId);
        if (status === null) return ok(text("status404"), details);
        return warn(text("status200", { count: status.operations.length }), details);
      } catch (err) {
        return fail(text("statusFailed", { reason: explain(err) }), details);
      }
    },
  },
  {
    id: "receiver",
    async run({ deps: { settings, timeoutMs } }) {
      const url = receiverUrl(settings);
      if (!url) return skip(text("skipNoReceiverUrl"));
      const details: Record<string, string> = { url };
      try {
        const status = await unauthenticatedPost(url, timeoutMs);
        details.httpStatus = String(status);
        if (status === 401) return ok(text("receiver401"), details);
        if (status >= 200 && status < 300) return fail(text("receiverAccepted", { status }), details);
        return fail(text("receiverOther", { status }), details);
      } catch (err) {
        const code = errorCode(err);
        // A proxy that demands D1's client certificate refuses us before HTTP: that is a refusal too.
        if (/CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE|ALERT_BAD_CERTIFICATE/.test(code)) {
          return ok(text("receiverProxy"), {
            ...details,
            reason: code,
          });
        }
        return fail(text("receiverUnreachable", { url, code }), { ...details, reason: code });
      }
    },
  },
  {
    id: "card-system",
    async run({ deps: { cardSystem } }) {
      // A fact in the details, like the other steps' settings names: English, as in the log.
      const adapterName = typeof cardSystem.name === "string" ? cardSystem.name : englishText(cardSystem.name);
      try {
        const answer = await cardSystem.ping();
        return ok([text("cardSystemAnswered", { system: cardSystem.name }), answer], { adapter: adapterName });
      } catch (err) {
        return fail(text("cardSystemDown", { system: cardSystem.name, reason: explain(err) }), {
          adapter: adapterName,
        });
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
        outcome = fail(text("stepCrashed", { code: errorCode(err) }));
      }
      steps.push({ id: step.id, title: englishTitle(step.id), message: englishText(...outcome.texts), ...outcome });
    }
  } finally {
    await ctx.client?.close();
  }
  return { ok: steps.every((s) => s.status !== "fail"), at: ctx.deps.now().toISOString(), steps };
}
