// What the pre-flight check says, as message keys (D1Check.text.*) with their values, so the D1
// page says it in the administrator's language; englishText() renders the same English messages
// for `npm run d1:check`, its log and tests, never a second copy of the words. Values are the
// facts (setting names, URLs, OpenSSL codes, D1's own error text): they stay as they are.
// use-intl/core: the translator without React, so `npm run d1:check` (react-server condition) loads it.
import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en/admin.json";

export type D1TextKey = keyof typeof en.D1Check.text;
export type D1StepId = keyof typeof en.D1Check.steps;

/** A value may itself be a sentence (the card system's name), rendered in the same language. */
export type D1Value = string | number | D1Text;
export type D1Text = { key: D1TextKey; values?: Record<string, D1Value> };

export const text = (key: D1TextKey, values?: Record<string, D1Value>): D1Text => (values ? { key, values } : { key });

/** Renders a text with `translate` (t of the D1Check namespace); `date` values through `formatDay`. */
export function renderText(
  translate: (key: `text.${D1TextKey}`, values: Record<string, string | number>) => string,
  message: D1Text,
  formatDay: (isoDay: string) => string = (day) => day,
): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    values[name] =
      typeof value === "object"
        ? renderText(translate, value, formatDay)
        : name === "date" && typeof value === "string"
          ? formatDay(value)
          : value;
  }
  return translate(`text.${message.key}`, values);
}

const t = createTranslator({ locale: "en", messages: { D1Check: en.D1Check }, namespace: "D1Check" });

/** The English sentence(s), for the terminal and the log; dates stay ISO (operators compare them with tooling). */
export function englishText(...messages: D1Text[]): string {
  return messages.map((m) => renderText((key, values) => t(key, values), m)).join(" ");
}

export const englishTitle = (id: D1StepId): string => t(`steps.${id}`);

/** What an OpenSSL/Node code of a failed TLS connection means for an operator, for the URL `name` (banking, authz). */
export function describeTlsError(code: string, name: string, url: string): D1Text {
  const values = { code, name, url };
  if (
    /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|DECRYPT_ERROR|ACCESS_DENIED|HANDSHAKE_FAILURE)/.test(
      code,
    )
  ) {
    return text("tlsRefused", values);
  }
  if (code === "CLOSED_AFTER_HANDSHAKE") return text("tlsClosed", values);
  if (
    /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT/.test(
      code,
    )
  ) {
    return text("tlsUntrusted", values);
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return text("tlsWrongHost", values);
  if (code === "CERT_HAS_EXPIRED") return text("tlsServerExpired", values);
  if (/KEY_VALUES_MISMATCH/.test(code)) return text("tlsKeyMismatch", values);
  if (code === "ECONNREFUSED") return text("tlsConnectionRefused", values);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return text("tlsHostUnknown", values);
  if (code === "timeout") return text("tlsTimeout", values);
  return text("tlsOther", values);
}
