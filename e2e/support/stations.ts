// A station for a journey of its own, ready for cards: registered (disabled and unverified, as
// every new station), its test card confirmed, enabled, and loaded with blank cards (a station
// without stock is not offered), through the manager's real actions.
import { expect, type APIRequestContext } from "@playwright/test";
import { callAction, serverActions } from "./server-actions";
import { loadStation } from "./stock";

const action = (name: string) => serverActions().find((a) => a.name === name)!;

export async function registerWorkingStation(
  manager: APIRequestContext,
  station: { persoStation: string; label: string; location?: string },
  { load = true }: { load?: boolean } = {},
): Promise<string> {
  const registered = await callAction(manager, action("registerStationAction"), [station]);
  expect(registered.body).toContain('"ok":true');
  const stationId = /"stationId":"([0-9a-f-]{36})"/.exec(registered.body)?.[1];
  expect(stationId, "the registered station's id").toBeDefined();
  const verified = await callAction(manager, action("verifyStationAction"), [{ stationId, testCardPrinted: true }]);
  expect(verified.body).toContain('"ok":true');
  const enabled = await callAction(manager, action("setStationEnabledAction"), [{ stationId, enabled: true }]);
  expect(enabled.body).toContain('"ok":true');
  if (load) await loadStation(manager, station.persoStation);
  return stationId!;
}
