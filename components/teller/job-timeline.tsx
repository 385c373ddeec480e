import { useTranslations } from "next-intl";
import type { JobEventView } from "@/db/queries/job-views";
import { Time } from "@/components/branch-time";
import { RANK } from "@/lib/issuance/states";
import type { JobState } from "@/lib/vocabulary";

const STEPS = [
  { state: "submitting", label: "stepSubmitted" },
  { state: "requested", label: "stepRequested" },
  { state: "ready", label: "stepReady" },
  { state: "done", label: "stepDone" },
  { state: "handed_over", label: "stepHandedOver" },
] as const satisfies ReadonlyArray<{ state: JobState; label: string }>;

/** A request that waited for a manager shows the approval first; nothing was submitted before it. */
const APPROVAL_STEP = { state: "awaiting_approval", label: "stepApproved" } as const;

/** Submitted → accepted → ready → produced → handed over, or where it stopped and why. */
export function JobTimeline({
  state,
  events,
  failure,
}: {
  state: JobState;
  events: JobEventView[];
  failure: string | null;
}) {
  const t = useTranslations("Job");
  const rank = RANK[state];
  const failed = rank === 3 && state !== "done";
  const approvedAt = events.find((e) => e.kind === "approved")?.at;
  const gated = events.some((e) => e.state === "awaiting_approval");
  const reachedAt = (step: JobState) =>
    gated && (step === "awaiting_approval" || step === "submitting")
      ? approvedAt
      : events.find((e) => e.state === step || (step === "submitting" && e.kind === "created"))?.at;
  const steps: ReadonlyArray<{ state: JobState; label: (typeof STEPS)[number]["label"] | "stepApproved" }> = gated
    ? [APPROVAL_STEP, ...STEPS]
    : STEPS;
  return (
    <ol className="space-y-3" aria-label={t("steps")}>
      {/* A card that was never produced is never handed over: no such step to wait for. */}
      {steps
        .filter((step) => !failed || step.state !== "handed_over")
        .map((step) => {
          const at = reachedAt(step.state);
          // Waiting for approval: rank 0 like submitting, but nothing is reached before the approval.
          const reached =
            RANK[step.state] <= rank && (!failed || at !== undefined) && (!gated || approvedAt !== undefined);
          const current =
            !failed && (step.state === state || (state === "awaiting_approval" && step === APPROVAL_STEP));
          return (
            <li key={step.state} className="flex items-start gap-3" aria-current={current ? "step" : undefined}>
              <span
                aria-hidden
                className={`mt-0.5 flex h-6 w-6 items-center justify-center rounded-full border text-xs font-bold ${
                  reached ? "border-green-700 bg-green-700 text-white" : "border-slate-400 bg-white text-slate-500"
                }`}
              >
                {reached ? "✓" : ""}
              </span>
              <span>
                <span className={reached ? "font-semibold" : "text-slate-600"}>{t(step.label)}</span>
                <span className="sr-only">{reached ? t("reached") : t("notReached")}</span>
                {at ? (
                  <span className="ml-2 text-sm text-slate-600">
                    <Time value={at} format="timeWithSeconds" />
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      {failed ? (
        <li className="flex items-start gap-3">
          <span
            aria-hidden
            className="mt-0.5 flex h-6 w-6 items-center justify-center rounded-full border border-red-700 bg-red-700 text-xs font-bold text-white"
          >
            !
          </span>
          <span className="font-semibold text-red-900">{t("stopped", { failure: failure ?? "" })}</span>
        </li>
      ) : null}
    </ol>
  );
}
