// The drill controls shared by the JSON control API (admin.ts) and the control page's forms
// (admin-forms.ts): one place that changes a station, a D1 fault or a notification fault, so a
// trainer's click and a test's curl do exactly the same thing.
import { z } from "zod";
import type { SimulatorCore } from "./core";
import { HttpError } from "./http-util";
import { noNotificationFaults, type NotificationFaultState } from "./faults";
import type { Station } from "./stations";

export const STATION_FAULT_KINDS = ["jam", "chipWriteFail", "outOfStock", "dataException"] as const;

export const stationFaultSchema = z
  .object({
    kind: z.enum(STATION_FAULT_KINDS),
    count: z.number().int().min(1).max(10_000).default(1),
    /** Every card the station takes fails until the fault is cleared (count is then ignored). */
    untilCleared: z.boolean().optional(),
  })
  .strict();
export type StationFaultInput = z.infer<typeof stationFaultSchema>;

/** The counted and percentage fields of notification faults (delayMs is a setting, not a fault). */
export const NOTIFICATION_FAULT_KEYS = [
  "dropNext",
  "dropPercent",
  "duplicateNext",
  "duplicatePercent",
  "delayNext",
  "delayPercent",
  "reorderNext",
  "resendNext",
] as const satisfies ReadonlyArray<keyof NotificationFaultState>;
export type NotificationFaultKey = (typeof NOTIFICATION_FAULT_KEYS)[number];

export function findStation(core: SimulatorCore, id: string): Station {
  const found = core.stations.get(id);
  if (!found) throw new HttpError(404, undefined, `no station ${id}`);
  return found;
}

export function addStationFault(core: SimulatorCore, station: Station, fault: StationFaultInput): void {
  core.stations.addFault(station, fault.kind, fault.untilCleared ? "untilCleared" : fault.count);
}

export function removeStationFault(core: SimulatorCore, station: Station, index: number): void {
  if (!core.stations.removeFault(station, index))
    throw new HttpError(404, undefined, `station ${station.persoStation} has no fault ${index}`);
}

export function removeOrderFault(core: SimulatorCore, index: number): void {
  if (!core.orderFaults.remove(index)) throw new HttpError(404, undefined, `no D1 fault ${index}`);
}

/** A state change re-evaluates the queue: back ONLINE, waiting cards are taken at once. */
export function setStationState(core: SimulatorCore, station: Station, state: Station["state"]): void {
  core.stations.update(station, { state });
  core.agent.kick(station);
}

export function clearNotificationFaults(core: SimulatorCore, key?: NotificationFaultKey): void {
  if (key) core.notifier.faults[key] = 0;
  else Object.assign(core.notifier.faults, { ...noNotificationFaults(), delayMs: core.notifier.faults.delayMs });
}

/** Everything back to normal for the next card; orders, counters and the log are kept (unlike reset). */
export function clearAllFaults(core: SimulatorCore): void {
  for (const station of core.stations.list()) {
    station.faults = [];
    if (station.state !== "ONLINE") setStationState(core, station, "ONLINE");
  }
  core.orderFaults.clear();
  clearNotificationFaults(core);
}
