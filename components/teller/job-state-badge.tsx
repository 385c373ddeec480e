import { useTranslations } from "next-intl";
import type { Outcome } from "@/lib/issuance/outcome";
import type { JobState } from "@/lib/vocabulary";
import { cn } from "@/lib/utils";

const TONE: Record<string, string> = {
  submitting: "bg-slate-100 text-slate-900 border-slate-300",
  requested: "bg-brand-50 text-brand-900 border-brand-100",
  ready: "bg-brand-50 text-brand-900 border-brand-100",
  done: "bg-green-50 text-green-900 border-green-300",
  handed_over: "bg-green-50 text-green-900 border-green-300",
  canceled: "bg-slate-100 text-slate-900 border-slate-300",
  moved: "bg-slate-100 text-slate-900 border-slate-300",
  retried: "bg-slate-100 text-slate-900 border-slate-300",
  awaiting_approval: "bg-amber-50 text-amber-950 border-amber-300",
  rejected: "bg-slate-100 text-slate-900 border-slate-300",
};
const FAILED = "bg-red-50 text-red-900 border-red-300";
const SYMBOL: Record<string, string> = {
  done: "✓",
  handed_over: "✓",
  submitting: "…",
  requested: "…",
  ready: "…",
  canceled: "×",
  moved: "→",
  retried: "→",
  awaiting_approval: "⏸",
  rejected: "×",
};

/**
 * A job's state in words (and a symbol), never colour alone. With its `outcome`
 * (lib/issuance/outcome.ts) it says what became of the request: Canceled, Retried, Moved.
 */
export function JobStateBadge({ state, outcome }: { state: JobState; outcome?: Outcome }) {
  const key = outcome && ["canceled", "moved", "retried", "destroy"].includes(outcome.kind) ? outcome.kind : state;
  const t = useTranslations();
  // What became of the request (Canceled, Retried, Moved, destroy) has its own words; every other
  // outcome reads as the state (lib/issuance/outcome.ts).
  const label =
    outcome &&
    (outcome.kind === "canceled" ||
      outcome.kind === "moved" ||
      outcome.kind === "retried" ||
      outcome.kind === "destroy")
      ? t(`Outcome.${outcome.kind}`)
      : t(`Vocab.jobState.${state}`);
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-medium",
        TONE[key] ?? FAILED,
      )}
    >
      <span aria-hidden>{SYMBOL[key] ?? "!"}</span>
      {label}
    </span>
  );
}
