// The live channel's status, as a pure state machine so that it can be tested without a browser:
// what every live screen says about its freshness, and when it has to poll.

/** One status for every live screen. */
export type LiveStatus = "connecting" | "live" | "polling" | "offline";

export type LiveInput =
  | { type: "stream-open" }
  /** `closed`: the browser gave up on the stream (refused, or not an event stream). */
  | { type: "stream-error"; closed: boolean }
  /** A stream that was live dropped and did not come back within the grace period. */
  | { type: "stream-stalled" }
  | { type: "poll-ok" }
  | { type: "poll-failed" }
  | { type: "network-offline" }
  | { type: "network-online" };

export type LiveState = { status: LiveStatus; pollFailures: number };

export const INITIAL_LIVE_STATE: LiveState = { status: "connecting", pollFailures: 0 };

/** Failed polls in a row before the screen says it is offline. */
const POLL_FAILURES_OFFLINE = 2;

export function nextLiveState(state: LiveState, input: LiveInput): LiveState {
  switch (input.type) {
    case "stream-open":
      return { status: "live", pollFailures: 0 };
    case "stream-error":
      // A live stream that drops is reopened by the browser with Last-Event-ID (the server
      // recycles streams every few minutes): the screen stays live unless it stalls. A stream
      // that never opened, or that the browser gave up on, means polling from now on.
      if (state.status === "live" && !input.closed) return state;
      return state.status === "connecting" || state.status === "live" ? { status: "polling", pollFailures: 0 } : state;
    case "stream-stalled":
      return state.status === "live" ? { status: "polling", pollFailures: 0 } : state;
    case "poll-ok":
      // A poll that was in flight when the stream opened changes nothing.
      return state.status === "live" ? state : { status: "polling", pollFailures: 0 };
    case "poll-failed": {
      if (state.status === "live") return state;
      const pollFailures = state.pollFailures + 1;
      return { status: pollFailures >= POLL_FAILURES_OFFLINE ? "offline" : state.status, pollFailures };
    }
    case "network-offline":
      return { status: "offline", pollFailures: state.pollFailures };
    case "network-online":
      return { status: "connecting", pollFailures: 0 };
  }
}

/** Whether the screen polls for events in this status (offline too: a poll that works again is how it notices). */
export const pollsIn = (status: LiveStatus) => status === "polling" || status === "offline";

/** Ids a cursor remembers; beyond this the oldest half is forgotten (a repeat of those is harmless). */
const SEEN_MAX = 2_000;

/**
 * Where the channel resumes from (the newest event id seen, at first the page's render point)
 * and which events it has already handled. Event ids are not in commit order, so the server
 * sends a short window before the resume point again; those repeats are dropped here.
 */
export class EventCursor {
  private readonly seen = new Set<number>();

  constructor(private newest: number) {}

  get last(): number {
    return this.newest;
  }

  /** True the first time an event id is seen. */
  accept(id: number): boolean {
    if (this.seen.has(id)) return false;
    if (this.seen.size >= SEEN_MAX) [...this.seen].slice(0, SEEN_MAX / 2).forEach((old) => this.seen.delete(old));
    this.seen.add(id);
    this.newest = Math.max(this.newest, id);
    return true;
  }
}
