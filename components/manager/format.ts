// How long a card took, as a message key with its values (Duration.*): the screens render it in
// the user's language through useDuration(). Pure: the key logic is unit-tested.
import { useTranslations } from "next-intl";

export type DurationWords = { key: "seconds" | "minutes" | "hours"; values: Record<string, string | number> };

/** 95 → minutes {m: 1, s: "35"}; null → null (the caller shows "—"). */
export function durationWords(seconds: number | null): DurationWords | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const s = Math.round(seconds);
  if (s < 60) return { key: "seconds", values: { s } };
  const m = Math.floor(s / 60);
  if (m < 60) return { key: "minutes", values: { m, s: String(s % 60).padStart(2, "0") } };
  return { key: "hours", values: { h: Math.floor(m / 60), m: String(m % 60).padStart(2, "0") } };
}

/** The durations of the board, the stations and the reports in the user's language; "—" for none. */
export function useDuration(): (seconds: number | null) => string {
  const t = useTranslations("Duration");
  return (seconds) => {
    const words = durationWords(seconds);
    return words ? t(words.key, words.values) : "—";
  };
}
