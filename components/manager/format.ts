import { STATE_LABEL } from "@/lib/issuance/states";
import type { JobState } from "@/lib/vocabulary";

/** 95 → "1 min 35 s"; null → "—" with a spoken alternative left to the caller. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

export function stateLabel(state: JobState): string {
  return STATE_LABEL[state];
}
