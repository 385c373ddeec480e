// A calendar day's short name ("Mon 30 Nov", "Mo., 30. Nov.") from the messages' own weekday and
// month names (Vocab.calendar), not from Intl: the server's ICU and the browser's differ in these
// names ("Sep"/"Sept"), and a client component printing both would not hydrate. Pure date
// arithmetic on YYYY-MM-DD (a day already in the branch's calendar), so every place says the same.

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

export type CalendarDay = { weekday: (typeof WEEKDAYS)[number]; day: number; month: (typeof MONTHS)[number] };

/** 2026-11-30 → { weekday: "mon", day: 30, month: "nov" }. */
export function calendarDay(day: string): CalendarDay {
  const d = new Date(`${day}T12:00:00Z`);
  return { weekday: WEEKDAYS[d.getUTCDay()]!, day: d.getUTCDate(), month: MONTHS[d.getUTCMonth()]! };
}

type CalendarKey =
  | "calendar.weekdayDayMonth"
  | "calendar.dayMonth"
  | `calendar.weekday.${CalendarDay["weekday"]}`
  | `calendar.month.${CalendarDay["month"]}`;

/** A translator of the Vocab namespace (next-intl's useTranslations("Vocab") or getTranslations). */
type VocabWords = (key: CalendarKey, values?: Record<string, string>) => string;

/** "Mon 30 Nov" with the weekday, or "30 Nov" without (`weekday: false`), in the translator's language. */
export function calendarDayText(day: string | CalendarDay, t: VocabWords, { weekday = true } = {}): string {
  const c = typeof day === "string" ? calendarDay(day) : day;
  const values = { day: String(c.day), month: t(`calendar.month.${c.month}`) };
  return weekday
    ? t("calendar.weekdayDayMonth", { ...values, weekday: t(`calendar.weekday.${c.weekday}`) })
    : t("calendar.dayMonth", values);
}
