// A sentence the server says (an error, a field error), kept as a message key with its values
// until it leaves the server: the action wrapper and the route helper render it in the reader's
// language, the log and `error.message` in English. No server-only import: lib/errors.ts uses it.
// Formatted with intl-messageformat (the ICU formatter next-intl itself uses), not next-intl's
// createTranslator: the worker and the scripts load lib/errors.ts outside Next.js, where
// next-intl's entry pulls in React's client hooks.
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "@/lib/vocabulary";
import { MESSAGES, type Messages } from "./messages";

/** Every leaf of the English messages as a dotted key ("Errors.productInUse"). */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
/** The field-error messages zod schemas carry (lib/validations/*). */
export type ValidationKey = Extract<MessageKey, `Validation.${string}`>;

/**
 * A value is text, a number, another message (rendered in the same language first), or a
 * function of the language, for sentences a words module assembles (emboss, eligibility).
 */
export type MessageValue = string | number | Message | ((locale: Locale) => string);
export type Message = { key: MessageKey; values?: Record<string, MessageValue> };

export function msg(key: MessageKey, values?: Record<string, MessageValue>): Message {
  return values ? { key, values } : { key };
}

/**
 * A zod schema's message: the key itself, checked by tsc. The wrapper turns it back into a
 * Message, with the issue's limits ({minimum}, {maximum}) as values.
 */
export function v(key: ValidationKey): ValidationKey {
  return key;
}

type Values = Record<string, string | number>;

const formats = new Map<string, IntlMessageFormat>();

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function translator(locale: Locale) {
  return (key: string, values?: Values): string => {
    const id = `${locale}:${key}`;
    let format = formats.get(id);
    if (!format) {
      // A key missing here is a bug the message tests catch; the key itself is the safest text.
      const text = lookup(locale, key);
      if (text === undefined) return key;
      format = new IntlMessageFormat(text, locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
}

/** A sentence a words module assembles in the reader's language, as a message. */
export function assembled(sentence: (locale: Locale) => string): Message {
  return msg("Validation.zod.literal", { text: sentence });
}

/** A namespace's translator in a language, for the words modules' `t(key, values)` parameter. */
export function wordsIn(locale: Locale, namespace: string) {
  const t = translator(locale);
  return (key: string, values?: Values) => t(`${namespace}.${key}`, values);
}

/** The message in a language. */
export function render(message: Message, locale: Locale): string {
  const values = message.values
    ? Object.fromEntries(
        Object.entries(message.values).map(([k, value]) => [
          k,
          typeof value === "object" ? render(value, locale) : typeof value === "function" ? value(locale) : value,
        ]),
      )
    : undefined;
  return translator(locale)(message.key, values);
}

/** True when `key` names a message (a zod issue's message is a key, or zod's own English). */
export function isMessageKey(key: string): key is MessageKey {
  return lookup("en", key) !== undefined;
}
