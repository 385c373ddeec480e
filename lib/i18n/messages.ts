// Every language's messages: per language a folder of JSON files, one per area (common: the frame,
// sign-in and shared words; teller, manager, admin, training: their screens; errors: the server's error and
// field-error sentences; documents: the receipt PDF and CSV headers), merged here. Each file holds
// whole namespaces, so two areas never share one. English is the reference: a key in one language
// and not the other fails lib/i18n/messages.test.ts (and tsc, since the types come from English).
import type { Locale } from "@/lib/vocabulary";
import deAdmin from "./messages/de/admin.json";
import deCommon from "./messages/de/common.json";
import deDocuments from "./messages/de/documents.json";
import deErrors from "./messages/de/errors.json";
import deManager from "./messages/de/manager.json";
import deTeller from "./messages/de/teller.json";
import deTraining from "./messages/de/training.json";
import enAdmin from "./messages/en/admin.json";
import enCommon from "./messages/en/common.json";
import enDocuments from "./messages/en/documents.json";
import enErrors from "./messages/en/errors.json";
import enManager from "./messages/en/manager.json";
import enTeller from "./messages/en/teller.json";
import enTraining from "./messages/en/training.json";

const en = { ...enCommon, ...enTeller, ...enManager, ...enAdmin, ...enTraining, ...enErrors, ...enDocuments };
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  de: { ...deCommon, ...deTeller, ...deManager, ...deAdmin, ...deTraining, ...deErrors, ...deDocuments },
};
