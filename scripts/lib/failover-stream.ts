// A branch event stream client behind a load balancer, for the cluster test: it follows the
// stream like EventSource (Last-Event-ID, the server's `retry:` wait after a stream ends) and,
// like a balancer's upstream choice, reconnects to the next instance of the cluster; an instance
// that refuses the connection is passed over at once, as a balancer retries the next upstream.
// It keeps every event it received and how long each reconnect took (stream lost → live again).
import { readSseFrames } from "./app-client.ts";

export type ClusterEvent = { id: number; jobId: string; state: string };

/** Which instances a client may be routed to, and which of them were told to go away. */
export type Balancer = {
  readonly urls: readonly string[];
  /** Instances we killed or stopped: a failure there is failover, not an error. */
  isLeaving(url: string): boolean;
};

export class FailoverStreamClient {
  readonly events: ClusterEvent[] = [];
  /** Ids received more than once (a replay overlapping what was already sent). */
  duplicates = 0;
  /** Per reconnect: the instance the stream was lost on, and ms from the loss to live again. */
  readonly reconnects: Array<{ from: string; ms: number }> = [];
  /** Streams cut by an instance that was leaving (expected): each is followed by a reconnect. */
  cut = 0;
  /** Connects refused by an instance that was leaving, passed over at once to the next one. */
  refused = 0;
  /** Failed connects or broken streams at instances that were not leaving, with the reason. */
  readonly errors: string[] = [];
  live = false;
  /** The instance the current (or last) stream is on. */
  current: string;
  private lastEventId: number | null = null;
  /** What the server last asked to wait before reconnecting (SSE `retry:`; ours sends 2 s). */
  retryMs = 2_000;
  private lostAt: number | null = null;
  private lostFrom = "";
  private closed = false;
  private readonly abort = new AbortController();
  private readonly seen = new Set<number>();
  private index: number;

  constructor(
    private readonly balancer: Balancer,
    private readonly cookie: string,
    first: number,
  ) {
    this.index = first % balancer.urls.length;
    this.current = balancer.urls[this.index]!;
  }

  start(): void {
    void this.loop();
  }

  async untilLive(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.live) {
      if (Date.now() > deadline) throw new Error(`event stream on ${this.current} did not become live`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
  }

  private failed(url: string, reason: string, reading: boolean): void {
    if (!this.balancer.isLeaving(url)) this.errors.push(`${url}: ${reason}`);
    else if (reading) this.cut++;
    else this.refused++;
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      const url = this.balancer.urls[this.index]!;
      this.current = url;
      let reading = false;
      let wait = 0;
      try {
        const headers: Record<string, string> = { cookie: this.cookie, accept: "text/event-stream" };
        if (this.lastEventId !== null) headers["last-event-id"] = String(this.lastEventId);
        const res = await fetch(`${url}/api/events/stream`, { headers, signal: this.abort.signal });
        if (res.status !== 200 || !res.body) {
          await res.body?.cancel();
          this.failed(url, `HTTP ${res.status}`, false);
          wait = this.balancer.isLeaving(url) ? 0 : 500;
        } else {
          reading = true;
          await readSseFrames(res.body, (frame) => this.frame(frame));
          // The server ended the stream (recycling, or telling us to go elsewhere).
          this.lost();
          wait = this.retryMs;
        }
      } catch (error) {
        if (this.closed) return;
        this.lost();
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : "?";
        this.failed(url, `${reading ? "stream broke" : "connect failed"}: ${cause}`, reading);
        // A broken stream is a dropped connection to the browser, which waits as the server
        // asked; a refused connect never reaches the browser (the balancer tries the next one).
        wait = reading ? this.retryMs : 0;
      }
      // The next request goes to the next instance, as a round-robin balancer would send it.
      this.index = (this.index + 1) % this.balancer.urls.length;
      if (wait > 0 && !this.closed) await new Promise((r) => setTimeout(r, wait));
    }
  }

  private lost(): void {
    if (!this.live) return;
    this.live = false;
    this.lostAt = performance.now();
    this.lostFrom = this.current;
  }

  private frame(text: string): void {
    let id: number | null = null;
    let data = "";
    for (const line of text.split("\n")) {
      if (line === ": live") {
        this.live = true;
        if (this.lostAt !== null) this.reconnects.push({ from: this.lostFrom, ms: performance.now() - this.lostAt });
        this.lostAt = null;
      } else if (line.startsWith("retry: ")) {
        const ms = Number(line.slice(7));
        if (Number.isFinite(ms) && ms >= 0) this.retryMs = ms;
      } else if (line.startsWith("id: ")) id = Number(line.slice(4));
      else if (line.startsWith("data: ")) data += line.slice(6);
    }
    if (id === null || !data) return;
    this.lastEventId = id;
    if (this.seen.has(id)) {
      this.duplicates++;
      return;
    }
    this.seen.add(id);
    const event = JSON.parse(data) as { jobId: string; state: string };
    this.events.push({ id, jobId: event.jobId, state: event.state });
  }
}
