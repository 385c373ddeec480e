import type { LiveStatus } from "./use-branch-live";

const TEXT: Record<LiveStatus, string> = { connecting: "Connecting to live updates…", live: "Live", polling: "Refreshes every 15 seconds" };

/** Says in words whether the numbers update live; the dot is decoration only. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  return (
    <span className="inline-flex items-center gap-2 text-sm text-slate-700">
      <span aria-hidden className={status === "live" ? "h-2 w-2 rounded-full bg-green-600" : "h-2 w-2 rounded-full bg-slate-400"} />
      {TEXT[status]}
    </span>
  );
}
