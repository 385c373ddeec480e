// One LISTEN connection per app instance fans job events out to the SSE streams of that
// instance. The payload is parsed once for its branch and passed on as the raw text, so a
// thousand open streams cost one parse per event, not a thousand. The same connection hears
// session changes (a user deactivated, moved, reset or signed out), so that user's open streams
// re-check their session at once, and stock changes (a movement or a count committed), so that the
// branch's screens refetch their stock figures.
import "server-only";
import pg from "pg";
import { db } from "@/db";
import { branchEventsForResume, findEventById, latestEventId } from "@/db/queries/events";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { observeFanOut } from "@/lib/metrics/hooks";

export type Subscriber = (id: number, payload: string) => void;
/** Told that something about this user's sessions changed; re-reads what from the database. */
export type SessionWatcher = () => Promise<void> | void;
/** Told that the branch's card stock changed: the payload names the branch and the station (or null). */
export type StockSubscriber = (payload: string) => void;

const CHANNEL = "job_events";
// Announced by triggers on users and user_sessions (migration 0011_session_changes_notify).
const SESSION_CHANNEL = "session_changes";
// Announced by triggers on stock_ledger and stock_counts (migration 0020_stock_changes_notify).
const STOCK_CHANNEL = "stock_changes";
const events = log.child({ component: "events" });

export class EventHub {
  constructor(
    private readonly connectionString: string | undefined = env.DATABASE_URL,
    /** How the connection shows in pg_stat_activity (a test names its own, to cut just that one). */
    private readonly applicationName = "branch-issuance-events",
  ) {}

  private readonly byBranch = new Map<string, Set<Subscriber>>();
  private readonly byUser = new Map<string, Set<SessionWatcher>>();
  private readonly stockByBranch = new Map<string, Set<StockSubscriber>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = 500;
  /** The newest event id this instance has been told about; where a reconnect catches up from. */
  private lastSeenId = 0;
  private hasListened = false;
  connected = false;

  subscribe(branchId: string, fn: Subscriber): () => void {
    let set = this.byBranch.get(branchId);
    if (!set) this.byBranch.set(branchId, (set = new Set()));
    set.add(fn);
    void this.ensureConnected();
    return () => {
      set.delete(fn);
      if (set.size === 0) this.byBranch.delete(branchId);
    };
  }

  /** Calls `fn` with each stock change of the branch (not replayed: screens refetch their figures). */
  watchStock(branchId: string, fn: StockSubscriber): () => void {
    let set = this.stockByBranch.get(branchId);
    if (!set) this.stockByBranch.set(branchId, (set = new Set()));
    set.add(fn);
    void this.ensureConnected();
    return () => {
      set.delete(fn);
      if (set.size === 0) this.stockByBranch.delete(branchId);
    };
  }

  /** Calls `fn` whenever this user's account or one of their sessions changes, on any instance. */
  watchUser(userId: string, fn: SessionWatcher): () => void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(fn);
    void this.ensureConnected();
    return () => {
      set.delete(fn);
      if (set.size === 0) this.byUser.delete(userId);
    };
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.byBranch.values()) n += set.size;
    return n;
  }

  ensureConnected(): Promise<void> {
    if (this.connected) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: this.applicationName,
    });
    client.on("notification", (msg) => {
      if (msg.channel === SESSION_CHANNEL) this.sessionChanged(msg.payload ?? "");
      else if (msg.channel === STOCK_CHANNEL) this.stockChanged(msg.payload ?? "");
      else this.dispatch(msg.payload ?? "");
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}; LISTEN ${SESSION_CHANNEL}; LISTEN ${STOCK_CHANNEL}`);
      this.client = client;
      this.connected = true;
      this.retryMs = 500;
      events.info("listening for job events");
      if (this.hasListened) {
        // Session changes made while away were not heard either: every watched session
        // re-checks before the missed job events go out.
        await this.recheckAll();
        await this.catchUp();
        this.stockMayHaveChanged();
      } else this.lastSeenId = Math.max(this.lastSeenId, await latestEventId({ db }).catch(() => 0));
      this.hasListened = true;
    } catch (error) {
      await client.end().catch(() => {});
      this.scheduleReconnect(error);
    }
  }

  /**
   * NOTIFY reaches only connected listeners: events committed while this connection was down
   * (a database restart, a network break) were never announced here, and open streams would
   * miss them for good. After a reconnect, load them once per subscribed branch and pass them
   * on; streams skip the ids they already sent. (Found by lib/issuance/app-crash.test.ts.)
   */
  private async catchUp(): Promise<void> {
    const afterId = this.lastSeenId;
    for (const branchId of [...this.byBranch.keys()]) {
      try {
        const missed = await branchEventsForResume({ db, branchId, afterId, lookbackSeconds: 10, limit: 1_000 });
        for (const event of missed) {
          this.lastSeenId = Math.max(this.lastSeenId, event.id);
          this.deliver(branchId, event.id, JSON.stringify(event));
        }
      } catch (err) {
        events.warn({ err, branchId }, "could not load the events missed while reconnecting");
      }
    }
    events.info({ afterId }, "caught up on events missed while reconnecting");
  }

  private async recheckAll(): Promise<void> {
    const watchers = [...this.byUser.values()].flatMap((set) => [...set]);
    await Promise.allSettled(watchers.map((fn) => Promise.resolve().then(fn)));
  }

  private sessionChanged(payload: string): void {
    let userId: unknown;
    try {
      ({ userId } = JSON.parse(payload) as { userId?: unknown });
    } catch {
      return;
    }
    const set = typeof userId === "string" ? this.byUser.get(userId) : undefined;
    if (set)
      for (const fn of [...set])
        void Promise.resolve()
          .then(fn)
          .catch(() => {});
  }

  private stockChanged(payload: string): void {
    let branchId: unknown;
    try {
      ({ branchId } = JSON.parse(payload) as { branchId?: unknown });
    } catch {
      return;
    }
    const set = typeof branchId === "string" ? this.stockByBranch.get(branchId) : undefined;
    if (set) eachSafely(set, (fn) => fn(payload));
  }

  /** Stock changes are not stored as events: after a gap, every watching screen refetches once. */
  private stockMayHaveChanged(): void {
    for (const [branchId, set] of this.stockByBranch) {
      const payload = JSON.stringify({ branchId, stationId: null });
      eachSafely(set, (fn) => fn(payload));
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || !this.connected) return;
    this.client = null;
    this.connected = false;
    client.end().catch(() => {});
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown): void {
    events.warn({ err: error, retryMs: this.retryMs }, "event listener lost the database; reconnecting");
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(() => void this.ensureConnected(), delay).unref();
  }

  private dispatch(payload: string): void {
    // Fan-out lag starts here, when this connection hears the event: the payload's `at` is the
    // writing transaction's start on the database's clock, so it is no measure of NOTIFY → frame.
    const heardAt = performance.now();
    let parsed: { id?: number; branchId?: string; truncated?: boolean };
    try {
      parsed = JSON.parse(payload) as typeof parsed;
    } catch {
      return;
    }
    const { id, branchId } = parsed;
    if (typeof id === "number") this.lastSeenId = Math.max(this.lastSeenId, id);
    if (typeof id !== "number" || !branchId || !this.byBranch.has(branchId)) return;
    if (parsed.truncated) {
      // Too big for NOTIFY: load it once for all this instance's streams.
      void findEventById({ db, id })
        .then((event) => event && this.deliver(branchId, id, JSON.stringify(event)))
        .catch((err: unknown) => events.warn({ err, id }, "could not load an oversized event"));
      return;
    }
    this.deliver(branchId, id, payload);
    observeFanOut(heardAt);
  }

  private deliver(branchId: string, id: number, payload: string): void {
    const set = this.byBranch.get(branchId);
    if (set) eachSafely(set, (fn) => fn(id, payload));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.connected = false;
    this.byBranch.clear();
    this.byUser.clear();
    this.stockByBranch.clear();
    await client?.end().catch(() => {});
  }
}

const globalForHub = globalThis as unknown as { __bii_events?: EventHub };
export const eventHub: EventHub = (globalForHub.__bii_events ??= new EventHub());

/**
 * Calls every subscriber; one that throws (a stream torn down under it) must not keep the event
 * from the branch's other screens, nor escape into pg's notification handler.
 */
function eachSafely<F>(set: Set<F>, call: (fn: F) => void): void {
  for (const fn of set) {
    try {
      call(fn);
    } catch (err) {
      events.warn({ err }, "an event subscriber failed; the others still get the event");
    }
  }
}
