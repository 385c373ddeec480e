// A CSV export's header row in the reader's language. The columns are named by stable ids (the
// English header, unchanged for the spreadsheets and scripts built on it); other languages put
// their words there (the Csv messages). The values below the header stay as they are: ISO times,
// codes and numbers, for machines and spreadsheets in any language.
import { createTranslator } from "next-intl";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/vocabulary";

export type CsvColumn = keyof Messages["Csv"];

/** The header row; `values` fill a column's placeholders (the exceptions' `{zone}`). */
export function csvHeader(columns: readonly CsvColumn[], locale: Locale, values: { zone?: string } = {}): string[] {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "Csv" });
  return columns.map((column) => t(column, { zone: values.zone ?? "" }));
}
