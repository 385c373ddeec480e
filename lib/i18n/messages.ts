// Every language's messages, one JSON file per language. English is the reference: a key in one
// file and not the other fails lib/i18n/messages.test.ts.
import type { Locale } from "@/lib/vocabulary";
import de from "./messages/de.json";
import en from "./messages/en.json";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, de };
