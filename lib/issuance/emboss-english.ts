// Why a name cannot be printed, in English, for the server's field errors (counter-checks.ts)
// and tests: the same Emboss messages the teller's form shows in the user's language.
import { createTranslator } from "next-intl";
import type { EmbossRules } from "@/db/schema/products";
import en from "@/lib/i18n/messages/en/teller.json";
import { embossProblems as problemsIn } from "./emboss";

const english = createTranslator({ locale: "en", messages: { Emboss: en.Emboss }, namespace: "Emboss" });

export function embossProblems(name: string, rules: EmbossRules): string[] {
  return problemsIn(name, rules, (key, values) => english(key as never, values as never));
}
