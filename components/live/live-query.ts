// How a query's cached data follows the branch's job events. A screen declares it on its query
// (`meta: liveMeta({...})`); the live channel writes each event into every such query and
// refetches only those whose data the event changes beyond what it carries itself.
import type { QueryClient, QueryKey, QueryMeta } from "@tanstack/react-query";
import type { WireEvent } from "@/lib/events/apply-event";
import { isFinal } from "@/lib/issuance/states";

export type LiveRule<T> = {
  /** Writes the event into the cached data; returns the same data when the event does not concern it. */
  apply?: (data: T, event: WireEvent) => T;
  /** Whether the server must be asked again (new rows, totals, filters); once per burst. */
  refetch: (event: WireEvent) => boolean;
  /** Refetched when the branch's card stock changes (a movement or a count; no job event says so). */
  stock?: boolean;
};

/** A rule as the query cache stores it; a class so that it is recognised without a cast. */
class StoredRule {
  constructor(
    readonly apply: ((data: unknown, event: WireEvent) => unknown) | undefined,
    readonly refetch: (event: WireEvent) => boolean,
    readonly stock: boolean,
  ) {}
}

export function liveMeta<T>(rule: LiveRule<T>): QueryMeta {
  const apply = rule.apply;
  // The cache holds this query's own data, which is a T by construction.
  return {
    live: new StoredRule(apply && ((data, event) => apply(data as T, event)), rule.refetch, rule.stock ?? false),
  };
}

const ruleOf = (meta: QueryMeta | undefined) => (meta?.live instanceof StoredRule ? meta.live : null);

/** Events after which totals and list membership change: a new job, or a job that ended. */
export const changesTotals = (event: WireEvent) => event.kind === "created" || isFinal(event.state);

/** Writes one event into every live query in the cache; returns the keys to refetch. */
export function writeLiveEvent(client: QueryClient, event: WireEvent): QueryKey[] {
  const refetch: QueryKey[] = [];
  for (const query of client.getQueryCache().getAll()) {
    const rule = ruleOf(query.meta);
    if (!rule) continue;
    const data = query.state.data;
    if (rule.apply && data !== undefined) {
      const next = rule.apply(data, event);
      if (next !== data) client.setQueryData(query.queryKey, next);
    }
    if (rule.refetch(event)) refetch.push(query.queryKey);
  }
  return refetch;
}

/** The live queries that show card stock: what a stock change refetches. */
export function stockQueries(client: QueryClient): QueryKey[] {
  return client
    .getQueryCache()
    .getAll()
    .filter((query) => ruleOf(query.meta)?.stock)
    .map((query) => query.queryKey);
}

/**
 * The channel's recent events, for screens that appear after them. A screen rendered on the server
 * starts from data read at render time; an event that reached the browser between that read and
 * the screen's query entering the cache (a client navigation, e.g. from "Issue" to the job page)
 * found no query to update and would be lost until the next event. Replaying the recent ones into
 * each new live query closes that gap; applying an event twice changes nothing (events are
 * de-duplicated by id and states only move forwards).
 */
export class RecentEvents {
  private readonly events: WireEvent[] = [];
  constructor(private readonly capacity = 500) {}

  remember(event: WireEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
  }

  /** Writes the recent events into one (new) query; returns whether it must be refetched. */
  replayInto(client: QueryClient, queryKey: QueryKey): boolean {
    const query = client.getQueryCache().find({ queryKey, exact: true });
    const rule = ruleOf(query?.meta);
    if (!query || !rule) return false;
    let data = query.state.data;
    let refetch = false;
    for (const event of this.events) {
      if (rule.apply && data !== undefined) data = rule.apply(data, event);
      refetch ||= rule.refetch(event);
    }
    if (data !== query.state.data) client.setQueryData(queryKey, data);
    return refetch;
  }
}

/** Refetches every live query (screens without an event stream poll this way). */
export function refetchLiveQueries(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => ruleOf(query.meta) !== null });
}
