"use client";

// The one live channel of a screen: the branch's job events over SSE, resuming from the page's
// render point and then from the last event seen, falling back to polling /api/events when the
// stream cannot open or stalls, and trying the stream again later. Every event is written into
// the TanStack Query cache (see live-query.ts); the status machine is in live-state.ts. The stream
// also says when the branch's card stock changed: the queries that show stock refetch.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { WireEvent } from "@/lib/events/apply-event";
import { RecentEvents, refetchLiveQueries, stockQueries, writeLiveEvent } from "./live-query";
import { EventCursor, INITIAL_LIVE_STATE, nextLiveState, pollsIn, type LiveInput, type LiveStatus } from "./live-state";

const POLL_MS = 3_000;
/** Screens without a branch stream (admins looking at a branch) refetch their live queries this often. */
const REFRESH_MS = 15_000;
/** While polling, how often to try the stream again. */
const STREAM_RETRY_MS = 30_000;
/** How long a dropped live stream may take to come back before the screen polls. */
const STALL_MS = 5_000;
/** Refetches an event asks for wait this long, so a burst of events costs one request. */
const REFETCH_DELAY_MS = 300;

export type LiveChannel = {
  status: LiveStatus;
  /** How often the screen updates while it polls, in seconds. */
  pollSeconds: number;
};

export type LiveOptions = {
  /** The newest event id of the branch when the page was rendered. */
  since: number;
  /** False for users without a branch stream: the live queries are refetched on a timer. */
  stream: boolean;
};

export function useLiveEvents({ since, stream }: LiveOptions): LiveChannel {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(stream ? "connecting" : "polling");
  // The first render point only: a layout rendered again (router.refresh) must not reconnect.
  const [from] = useState(since);

  useEffect(() => {
    if (!stream) {
      const timer = setInterval(() => void refetchLiveQueries(client), REFRESH_MS);
      return () => clearInterval(timer);
    }
    let state = INITIAL_LIVE_STATE;
    const cursor = new EventCursor(from);
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stall: ReturnType<typeof setTimeout> | null = null;
    let flush: ReturnType<typeof setTimeout> | null = null;
    const stale = new Map<string, QueryKey>();
    const recent = new RecentEvents();
    let stopped = false;

    const scheduleRefetch = (key: QueryKey) => {
      stale.set(JSON.stringify(key), key);
      flush ??= setTimeout(() => {
        flush = null;
        for (const key of stale.values()) void client.invalidateQueries({ queryKey: key, exact: true });
        stale.clear();
      }, REFETCH_DELAY_MS);
    };

    // Stock changes are not events with ids: nothing to resume, the figures are read again.
    const stockChanged = () => stockQueries(client).forEach(scheduleRefetch);
    let opened = false;

    const handle = (event: WireEvent) => {
      if (!cursor.accept(event.id)) return;
      recent.remember(event);
      for (const key of writeLiveEvent(client, event)) scheduleRefetch(key);
    };

    // A screen that appears later (client navigation) gets the events it missed (live-query.ts).
    const unsubscribe = client.getQueryCache().subscribe((change) => {
      if (change.type !== "added") return;
      const key = change.query.queryKey as QueryKey;
      // After the cache has finished adding it: no update in the middle of a render.
      setTimeout(() => {
        if (!stopped && recent.replayInto(client, key)) scheduleRefetch(key);
      }, 0);
    });

    const tick = async () => {
      try {
        const response = await fetch(`/api/events?after=${cursor.last}`, { cache: "no-store" });
        if (!response.ok) throw new Error(`events poll: ${response.status}`);
        const { events } = (await response.json()) as { events: WireEvent[] };
        if (stopped) return;
        events.forEach(handle);
        dispatch({ type: "poll-ok" });
      } catch {
        if (!stopped) dispatch({ type: "poll-failed" });
      }
    };

    const dispatch = (input: LiveInput) => {
      state = nextLiveState(state, input);
      setStatus(state.status);
      if (pollsIn(state.status) && !poll) {
        void tick();
        poll = setInterval(() => void tick(), POLL_MS);
      } else if (!pollsIn(state.status) && poll) {
        clearInterval(poll);
        poll = null;
      }
    };

    const closeStream = () => {
      source?.close();
      source = null;
      if (stall) clearTimeout(stall);
      stall = null;
    };

    const retryLater = () => {
      closeStream();
      retry ??= setTimeout(() => {
        retry = null;
        connect();
      }, STREAM_RETRY_MS);
    };

    const connect = () => {
      closeStream();
      if (retry) clearTimeout(retry);
      retry = null;
      // Resume from the last event seen (at first: the page's render point), so nothing between
      // render and connect is lost; on its own reconnects the browser sends Last-Event-ID.
      const next = new EventSource(`/api/events/stream?lastEventId=${cursor.last}`);
      source = next;
      next.addEventListener("open", () => {
        if (stall) clearTimeout(stall);
        stall = null;
        // Back after a break (or from polling): stock changes meanwhile were not heard.
        if (opened) stockChanged();
        opened = true;
        dispatch({ type: "stream-open" });
      });
      next.addEventListener("stock", stockChanged);
      next.addEventListener("job", (e) => handle(JSON.parse((e as MessageEvent<string>).data) as WireEvent));
      next.addEventListener("error", () => {
        if (stopped || source !== next) return;
        dispatch({ type: "stream-error", closed: next.readyState === EventSource.CLOSED });
        if (state.status !== "live") retryLater();
        else
          stall ??= setTimeout(() => {
            stall = null;
            dispatch({ type: "stream-stalled" });
            retryLater();
          }, STALL_MS);
      });
    };

    const offline = () => dispatch({ type: "network-offline" });
    const online = () => {
      dispatch({ type: "network-online" });
      connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    connect();

    return () => {
      stopped = true;
      unsubscribe();
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      closeStream();
      if (poll) clearInterval(poll);
      if (retry) clearTimeout(retry);
      if (flush) clearTimeout(flush);
    };
  }, [client, from, stream]);

  return { status, pollSeconds: (stream ? POLL_MS : REFRESH_MS) / 1000 };
}
