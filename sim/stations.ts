// Registry of personalization stations (simulator decision, D1 §12: the Agent/station model is
// not published). Holds each station's state, stock, timings, queued faults and FIFO queue;
// the Agent (agent.ts) does the work.
import { z } from "zod";
import type { StationConfig, StationFaultKind, StationState, StationTimings } from "./types";

export const DEFAULT_TIMINGS: StationTimings = { readyMs: 1500, doneMs: 4000, offlineTimeoutMs: 5000 };

export const DEFAULT_STATIONS: StationConfig[] = [
  { persoStation: "BR001-PS-01", branchCode: "BR001" },
  { persoStation: "BR001-PS-02", branchCode: "BR001" },
  { persoStation: "BR001-PS-03", branchCode: "BR001" },
  { persoStation: "BR002-PS-01", branchCode: "BR002" },
  { persoStation: "BR002-PS-02", branchCode: "BR002" },
];

const ms = z.number().int().min(0).max(3_600_000);
export const timingsSchema = z.object({ readyMs: ms, doneMs: ms, offlineTimeoutMs: ms }).partial().strict();
export const stateSchema = z.enum(["ONLINE", "OFFLINE", "ERROR"]);
export const stockSchema = z.record(z.string().regex(/^[A-Za-z0-9_-]{1,48}$/), z.number().int().min(0));
export const stationConfigSchema = z
  .object({
    persoStation: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
    branchCode: z.string().min(1).max(32),
    state: stateSchema.optional(),
    stock: stockSchema.optional(),
    timings: timingsSchema.optional(),
    manual: z.boolean().optional(),
  })
  .strict();
export const stationsFileSchema = z.array(stationConfigSchema).min(1);

export interface QueuedFault {
  kind: StationFaultKind;
  /** Cards left to fail; Infinity = every card until the fault is cleared (a drill). */
  remaining: number;
}

export interface Station {
  persoStation: string;
  branchCode: string;
  state: StationState;
  /** Undefined = unlimited blank cards. */
  stock: Record<string, number> | undefined;
  timings: StationTimings;
  manual: boolean;
  /** Step reached by the current card of a manual station. */
  phase: "taken" | "ready" | undefined;
  faults: QueuedFault[];
  /** cardIds waiting, oldest first. */
  queue: string[];
  current: string | undefined;
  produced: number;
  failed: number;
  /** When each queued card gives up on an OFFLINE station (epoch ms). */
  offlineDeadlines: Map<string, number>;
  cancelOfflineTimer?: () => void;
}

export interface StationUpdate {
  branchCode?: string;
  state?: StationState;
  stock?: Record<string, number> | null;
  timings?: Partial<StationTimings>;
  manual?: boolean;
}

export class StationRegistry {
  private readonly stations = new Map<string, Station>();

  constructor(
    private readonly initial: StationConfig[],
    private readonly defaultTimings: StationTimings,
  ) {
    this.reset();
  }

  private build(config: StationConfig): Station {
    return {
      persoStation: config.persoStation,
      branchCode: config.branchCode,
      state: config.state ?? "ONLINE",
      stock: config.stock ? { ...config.stock } : undefined,
      timings: { ...this.defaultTimings, ...config.timings },
      manual: config.manual ?? false,
      phase: undefined,
      faults: [],
      queue: [],
      current: undefined,
      produced: 0,
      failed: 0,
      offlineDeadlines: new Map(),
    };
  }

  /** Back to the configured stations with empty queues (callers cancel timers first). */
  reset(): void {
    for (const s of this.stations.values()) s.cancelOfflineTimer?.();
    this.stations.clear();
    for (const config of this.initial) this.stations.set(config.persoStation, this.build(config));
  }

  get(persoStation: string): Station | undefined {
    return this.stations.get(persoStation);
  }

  list(): Station[] {
    return [...this.stations.values()];
  }

  add(config: StationConfig): Station {
    if (this.stations.has(config.persoStation)) throw new Error(`station ${config.persoStation} already exists`);
    const station = this.build(config);
    this.stations.set(station.persoStation, station);
    return station;
  }

  update(station: Station, change: StationUpdate): Station {
    if (change.branchCode !== undefined) station.branchCode = change.branchCode;
    if (change.state !== undefined) station.state = change.state;
    if (change.stock !== undefined) station.stock = change.stock === null ? undefined : { ...change.stock };
    if (change.timings) station.timings = { ...station.timings, ...change.timings };
    if (change.manual !== undefined) station.manual = change.manual;
    return station;
  }

  /** Faults apply to the next cards the station takes, in the order they were queued. */
  addFault(station: Station, kind: StationFaultKind, count: number | "untilCleared"): void {
    station.faults.push({ kind, remaining: count === "untilCleared" ? Infinity : count });
  }

  /** Removes one queued fault by its position; false when there is none there. */
  removeFault(station: Station, index: number): boolean {
    if (index < 0 || index >= station.faults.length) return false;
    station.faults.splice(index, 1);
    return true;
  }

  takeFault(station: Station): StationFaultKind | undefined {
    const next = station.faults[0];
    if (!next) return undefined;
    next.remaining--;
    if (next.remaining <= 0) station.faults.shift();
    return next.kind;
  }
}

/** A station without internals, for the control API and the status page. */
export function stationView(s: Station) {
  return {
    persoStation: s.persoStation,
    branchCode: s.branchCode,
    state: s.state,
    stock: s.stock ?? "unlimited",
    timings: s.timings,
    manual: s.manual,
    phase: s.phase ?? null,
    // JSON has no Infinity: null = until cleared.
    faults: s.faults.map((f) => ({ kind: f.kind, remaining: Number.isFinite(f.remaining) ? f.remaining : null })),
    queue: [...s.queue],
    current: s.current ?? null,
    produced: s.produced,
    failed: s.failed,
  };
}
