"use client";

// One live connection per screen: the branch's job events over SSE, resuming with Last-Event-ID
// (the browser's EventSource does that by itself), falling back to polling when a stream cannot
// open. Every event goes into the TanStack Query cache: the job's view is updated in place and
// the lists are refreshed.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { applyEvent, type WireEvent } from "@/lib/events/apply-event";
import type { JobView } from "@/db/queries/job-views";
import { isFinal } from "@/lib/issuance/states";

export type LiveStatus = "connecting" | "live" | "polling";
const LiveContext = createContext<LiveStatus>("connecting");
export const useLiveStatus = () => useContext(LiveContext);

const POLL_MS = 3_000;
/** While polling, how often to try the stream again. */
const STREAM_RETRY_MS = 30_000;

export function LiveEvents({ children, since }: { children: ReactNode; since: number }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // Where polling starts if the stream cannot open: the newest event when the page was made.
  const lastId = useRef(since);

  useEffect(() => {
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let refresh: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    const handle = (event: WireEvent) => {
      lastId.current = Math.max(lastId.current, event.id);
      queryClient.setQueryData<{ job: JobView }>(["job", event.jobId], (old) =>
        old ? { job: applyEvent(old.job, event) } : old,
      );
      // A final state: read the job once more for everything the event does not carry.
      if (isFinal(event.state)) void queryClient.invalidateQueries({ queryKey: ["job", event.jobId] });
      // Lists change shape (new rows, filters), so they are refetched, once per burst.
      if (refresh) clearTimeout(refresh);
      refresh = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["jobs"] }), 250);
    };

    const tick = async () => {
      const response = await fetch(`/api/events?after=${lastId.current}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const { events } = (await response.json()) as { events: WireEvent[] };
      events.forEach(handle);
    };

    const startPolling = () => {
      source?.close();
      setStatus("polling");
      if (!poll) {
        void tick();
        poll = setInterval(() => void tick(), POLL_MS);
      }
      if (retry) clearTimeout(retry);
      retry = setTimeout(connect, STREAM_RETRY_MS);
    };

    const stopPolling = () => {
      if (poll) clearInterval(poll);
      if (retry) clearTimeout(retry);
      poll = null;
      retry = null;
    };

    const connect = () => {
      // Resume from the last event seen (at first: the page's render point), so nothing between
      // render and connect is lost; on its own reconnects the browser sends Last-Event-ID.
      const next = new EventSource(`/api/events/stream?lastEventId=${lastId.current}`);
      source = next;
      failures = 0;
      next.addEventListener("open", () => {
        failures = 0;
        stopPolling();
        setStatus("live");
      });
      next.addEventListener("job", (e) => handle(JSON.parse((e as MessageEvent<string>).data) as WireEvent));
      next.addEventListener("error", () => {
        if (stopped || source !== next) return;
        failures += 1;
        // Refused for good, or several failed attempts in a row: poll, and try the stream later.
        if (next.readyState === EventSource.CLOSED || failures >= 3) startPolling();
        else setStatus("connecting");
      });
    };
    connect();

    return () => {
      stopped = true;
      source?.close();
      stopPolling();
      if (refresh) clearTimeout(refresh);
    };
  }, [queryClient]);

  return <LiveContext.Provider value={status}>{children}</LiveContext.Provider>;
}

const LABEL: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  polling: "Updating every few seconds",
};

/** Tells the teller whether what they see is live; text, not only colour. */
export function LiveBadge() {
  const status = useLiveStatus();
  return (
    <span
      data-testid="live-status"
      data-status={status}
      className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-800"
    >
      <span aria-hidden className={status === "live" ? "h-2 w-2 rounded-full bg-green-600" : "h-2 w-2 rounded-full bg-amber-500"} />
      {LABEL[status]}
    </span>
  );
}
