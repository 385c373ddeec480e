// Every date and time on screen, in the user's language and the branch's time zone: German
// 30.11.2026 14:05, English 30/11/2026 14:05, always 24-hour. The date's order and separators come
// from Intl for the language (a third language formats itself); the parts are assembled here
// instead of taking Intl's whole date-time string, whose comma and spacing differ between ICU
// versions, so the server (Node's ICU) and the browser (its own) print exactly the same characters:
// a difference there is a hydration error (React #418), which the job page threw when it
// formatted in the browser's own zone. The language never changes the zone. No imports: client
// and server components both use it.

/** Where a user without a branch (an administrator) sees times. */
export const DEFAULT_TIME_ZONE = "UTC";

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

/**
 * The conventions a language's dates follow. English is the bank's English in Germany, so
 * British order (day first); German is the reference format of the branches.
 */
const FORMAT_LOCALE: Record<string, string> = { en: "en-GB", de: "de-DE" };

/** The language dates fall back to when a caller names none: the branches' own format. */
export const DEFAULT_DATE_LOCALE = "de";

const formats = new Map<string, Intl.DateTimeFormat>();
const datePatterns = new Map<string, (p: Parts) => string>();

/**
 * The language's numeric date pattern (order and separators), taken once from Intl and kept as a
 * function of the parts: `30.11.2026`, `30/11/2026`, `11/30/2026`.
 */
function datePattern(locale: string): (p: Parts) => string {
  let pattern = datePatterns.get(locale);
  if (!pattern) {
    let pieces: Intl.DateTimeFormatPart[];
    try {
      pieces = new Intl.DateTimeFormat(FORMAT_LOCALE[locale] ?? locale, {
        timeZone: "UTC",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).formatToParts(new Date(Date.UTC(2026, 10, 30)));
    } catch {
      // An unknown language tag: the branches' format rather than an error on screen.
      pieces = new Intl.DateTimeFormat("de-DE", {
        timeZone: "UTC",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).formatToParts(new Date(Date.UTC(2026, 10, 30)));
    }
    const steps = pieces
      .filter((part) => part.type === "day" || part.type === "month" || part.type === "year" || part.type === "literal")
      // Only the separator characters: some ICU versions add marks (RTL, spaces) around them.
      .map((part) =>
        part.type === "literal"
          ? { literal: part.value.replace(/[^./\-]/g, "") || "." }
          : { key: part.type as "day" | "month" | "year" },
      );
    pattern = (p) => steps.map((step) => ("literal" in step ? step.literal : p[step.key])).join("");
    datePatterns.set(locale, pattern);
  }
  return pattern;
}

function partsIn(value: Date | string, timeZone: string): Parts {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  const parts: Parts = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const p of format.formatToParts(typeof value === "string" ? new Date(value) : value)) {
    if (p.type in parts) parts[p.type as keyof Parts] = p.value;
  }
  return parts;
}

/** 30.11.2026 (German), 30/11/2026 (English) */
export function formatDate(value: Date | string, timeZone: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return datePattern(locale)(partsIn(value, timeZone));
}

/** 14:05 */
export function formatTime(value: Date | string, timeZone: string): string {
  const p = partsIn(value, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** 14:05:07, for timelines where seconds tell steps apart. */
export function formatTimeWithSeconds(value: Date | string, timeZone: string): string {
  const p = partsIn(value, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** 30.11.2026 14:05 (German), 30/11/2026 14:05 (English) */
export function formatDateTime(value: Date | string, timeZone: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return `${formatDate(value, timeZone, locale)} ${formatTime(value, timeZone)}`;
}

/** Minutes the zone is ahead of UTC at that instant (Berlin in winter: 60). */
function offsetMinutes(at: Date, timeZone: string): number {
  const p = partsIn(at, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant the branch's day began: "today" lists start at the branch's midnight, not the server's. */
export function startOfDayIn(timeZone: string, now: Date = new Date()): Date {
  const p = partsIn(now, timeZone);
  const midnightAsUtc = Date.UTC(+p.year, +p.month - 1, +p.day);
  // The offset at midnight can differ from now's on a day the clocks change: ask twice.
  let guess = new Date(midnightAsUtc - offsetMinutes(now, timeZone) * 60_000);
  guess = new Date(midnightAsUtc - offsetMinutes(guess, timeZone) * 60_000);
  return guess;
}

/** A calendar date without a time ("1977-05-03", a date of birth) in the same format: 03.05.1977. */
export function formatCalendarDate(isoDate: string, locale: string = DEFAULT_DATE_LOCALE): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? datePattern(locale)({ year: m[1]!, month: m[2]!, day: m[3]!, hour: "", minute: "", second: "" }) : isoDate;
}
