// Blank cards for a station a journey registers itself: a station without stock of a product's
// plastic is not offered (issue 15), so the journey loads it from the vault, through the real
// action, as the branch's manager with a teller of the branch as the second signer.
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { readRunInfo } from "./run-dir";
import { callAction, serverActions } from "./server-actions";
import { persona, type Persona } from "./users";

/** The ids of a station and of the active stock types its branch's vault holds, from the run's database. */
async function ids(persoStation: string) {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    const station = await client.query<{ id: string; branch_id: string }>(
      "select id, branch_id from stations where perso_station = $1",
      [persoStation],
    );
    const found = station.rows[0]!;
    // The stock types the branch's vault holds: other journeys add stock types of their own
    // (with nothing of them in this vault).
    const types = await client.query<{ id: string }>(
      `select l.stock_type_id as id from stock_ledger l join stock_types t on t.id = l.stock_type_id
        where l.branch_id = $1 and l.place = 'vault' and t.active
        group by l.stock_type_id having sum(l.quantity) > 0`,
      [found.branch_id],
    );
    return { stationId: found.id, stockTypeIds: types.rows.map((r) => r.id) };
  } finally {
    await client.end();
  }
}

/**
 * Loads `quantity` blank cards of every stock type the vault holds into the station; `manager` is
 * the station's branch manager, and `secondSigner` a teller of the same branch (Downtown's by default).
 */
export async function loadStation(
  manager: APIRequestContext,
  persoStation: string,
  quantity = 20,
  secondSigner: Persona = "teller",
) {
  const { stationId, stockTypeIds } = await ids(persoStation);
  const load = serverActions().find((a) => a.name === "loadStationAction")!;
  const second = persona(secondSigner);
  for (const stockTypeId of stockTypeIds) {
    const result = await callAction(manager, load, [
      { stockTypeId, stationId, quantity, secondEmail: second.email, secondPassword: second.password },
    ]);
    if (!result.body.includes('"ok":true')) throw new Error(`loading ${persoStation} failed: ${result.body}`);
  }
}
