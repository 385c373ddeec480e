// One LISTEN connection per app instance fans job events out to the SSE streams of that
// instance. The payload is parsed once for its branch and passed on as the raw text, so a
// thousand open streams cost one parse per event, not a thousand.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type Subscriber = (id: number, payload: string) => void;

const CHANNEL = "job_events";
const events = log.child({ component: "events" });

class EventHub {
  private readonly byBranch = new Map<string, Set<Subscriber>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = 500;
  /** Highest event id seen; streams use it to know whether they may have missed events. */
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
    const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: "branch-issuance-events" });
    client.on("notification", (msg) => this.dispatch(msg.payload ?? ""));
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.connected = true;
      this.retryMs = 500;
      events.info("listening for job events");
    } catch (error) {
      await client.end().catch(() => {});
      this.scheduleReconnect(error);
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
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
    // Cheap extraction of the two routing fields without a full JSON parse per subscriber.
    let parsed: { id?: number; branchId?: string };
    try {
      parsed = JSON.parse(payload) as { id?: number; branchId?: string };
    } catch {
      return;
    }
    if (typeof parsed.id !== "number" || !parsed.branchId) return;
    const set = this.byBranch.get(parsed.branchId);
    if (!set) return;
    for (const fn of set) fn(parsed.id, payload);
  }
}

const globalForHub = globalThis as unknown as { __bii_events?: EventHub };
export const eventHub: EventHub = (globalForHub.__bii_events ??= new EventHub());
