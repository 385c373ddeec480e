// Every date and time on screen, in one format and in the branch's time zone: 30.11.2026 14:05,
// 24-hour. The parts are assembled here instead of taking Intl's whole string, so the server
// (Node's ICU) and the browser (its own ICU) print exactly the same characters: a difference
// there is a hydration error (React #418), which the job page threw when it formatted in the
// browser's own zone. No imports: client and server components both use it.

/** Where a user without a branch (an administrator) sees times. */
export const DEFAULT_TIME_ZONE = "UTC";

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const formats = new Map<string, Intl.DateTimeFormat>();

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

/** 30.11.2026 */
export function formatDate(value: Date | string, timeZone: string): string {
  const p = partsIn(value, timeZone);
  return `${p.day}.${p.month}.${p.year}`;
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

/** 30.11.2026 14:05 */
export function formatDateTime(value: Date | string, timeZone: string): string {
  return `${formatDate(value, timeZone)} ${formatTime(value, timeZone)}`;
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
export function formatCalendarDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}
