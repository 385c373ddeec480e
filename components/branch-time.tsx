"use client";

// The branch's time zone for client components: the layouts set it from the user's branch (a
// manager page showing another branch sets that branch's), so that the browser formats exactly
// as the server rendered (lib/datetime.ts) whatever zone the browser itself is in. The format
// follows the user's language (next-intl's locale, the same on server and browser); the zone never does.
import { useLocale } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatTime, formatTimeWithSeconds } from "@/lib/datetime";

const TimeZoneContext = createContext(DEFAULT_TIME_ZONE);

export function BranchTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The formatters of lib/datetime.ts bound to the branch's zone and the user's language. */
export function useBranchTime() {
  const timeZone = useContext(TimeZoneContext);
  const locale = useLocale();
  return useMemo(
    () => ({
      timeZone,
      locale,
      date: (v: Date | string) => formatDate(v, timeZone, locale),
      time: (v: Date | string) => formatTime(v, timeZone),
      timeWithSeconds: (v: Date | string) => formatTimeWithSeconds(v, timeZone),
      dateTime: (v: Date | string) => formatDateTime(v, timeZone, locale),
    }),
    [timeZone, locale],
  );
}

const FORMATS = {
  date: formatDate,
  time: (v: Date | string, timeZone: string) => formatTime(v, timeZone),
  timeWithSeconds: (v: Date | string, timeZone: string) => formatTimeWithSeconds(v, timeZone),
  dateTime: formatDateTime,
};

/** A date or time in the branch's zone, as a <time> element; the same text on server and client. */
export function Time({ value, format }: { value: Date | string; format: keyof typeof FORMATS }) {
  const timeZone = useContext(TimeZoneContext);
  const locale = useLocale();
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso}>{FORMATS[format](value, timeZone, locale)}</time>;
}
