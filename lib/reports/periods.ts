// The periods of a report and their names: calendar days, or ISO weeks (Monday to Sunday, named
// by ISO week number), both of the branch's calendar. Pure date arithmetic on YYYY-MM-DD strings,
// so the browser and the CSV say the same.
import { calendarDay, type CalendarDay } from "@/lib/calendar-day";
import type { ReportGrain } from "@/lib/validations/reports";

const DAY = 86_400_000;
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday that starts the ISO week of `day`. */
export function weekStart(day: string): string {
  const d = utc(day);
  return iso(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY));
}

/** Every period of the range, oldest first: its first day (the key the queries answer with). */
export function periodsOf(from: string, to: string, grain: ReportGrain): string[] {
  const out: string[] = [];
  const step = grain === "week" ? 7 : 1;
  for (let d = utc(grain === "week" ? weekStart(from) : from); iso(d) <= to; d = new Date(d.getTime() + step * DAY))
    out.push(iso(d));
  return out;
}

/** ISO 8601 week-numbering year and week of a day: 2026-11-30 → [2026, 49]. */
export function isoWeek(day: string): [number, number] {
  const d = utc(day);
  // The Thursday of the same week decides the year.
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return [year, week];
}

/**
 * A period's parts: the day, or the week's number with its first and last day. The screens put
 * them into words with their messages (lib/calendar-day.ts: the same characters on the server and
 * in the browser).
 */
export function periodParts(
  period: string,
  grain: ReportGrain,
): { day: CalendarDay } | { week: number; from: CalendarDay; to: CalendarDay } {
  if (grain === "day") return { day: calendarDay(period) };
  const end = iso(new Date(utc(period).getTime() + 6 * DAY));
  return { week: isoWeek(period)[1], from: calendarDay(period), to: calendarDay(end) };
}

/** The period as a CSV cell: 2026-11-30 for a day, 2026-W49 for a week. */
export function periodCode(period: string, grain: ReportGrain): string {
  if (grain === "day") return period;
  const [year, week] = isoWeek(period);
  return `${year}-W${String(week).padStart(2, "0")}`;
}
