// The real register actions (manager's and admin's) on the run's database: a branch registers
// only ids in its pattern, whoever holds an id, and a taken id never names its branch.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { stations } from "@/db/schema";
import { makeBranch, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { registerStationAction } = await import("@/lib/actions/manager/register-station");
const { registerBranchStationAction } = await import("@/lib/actions/admin/register-station");

let downtown: Awaited<ReturnType<typeof makeBranch>>;
let riverside: Awaited<ReturnType<typeof makeBranch>>;
let riversideManager: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  const d = uniq("D").toUpperCase();
  const r = uniq("R").toUpperCase();
  downtown = await makeBranch(db, { code: d, stationIdPattern: `${d}-PS-*` });
  riverside = await makeBranch(db, { code: r, stationIdPattern: `${r}-PS-*` });
  riversideManager = await makeUser(db, "manager", riverside.id);
  admin = await makeUser(db, "admin", null);
});

afterAll(() => db.$client.end());

const form = (persoStation: string) => ({ persoStation, label: "Counter printer 9", location: "" });
const stationRow = async (persoStation: string) =>
  (await db.select().from(stations).where(eq(stations.persoStation, persoStation)))[0];

describe("registering a station", () => {
  it("refuses a manager an id of another branch's pattern, with a field error, and saves nothing", async () => {
    actAs(riversideManager);
    const id = `${downtown.code}-PS-09`;
    const result = await registerStationAction(form(id));
    expect(result).toMatchObject({ ok: false, code: "conflict:station" });
    const message = !result.ok ? (result.fieldErrors?.persoStation?.[0] ?? "") : "";
    expect(message).toContain(`match ${riverside.code}-PS-*`);
    expect(await stationRow(id)).toBeUndefined();
  });

  it("registers an id in the manager's own pattern, in the manager's branch", async () => {
    actAs(riversideManager);
    const id = `${riverside.code}-PS-07`;
    expect(await registerStationAction(form(id))).toMatchObject({ ok: true, data: { persoStation: id } });
    expect((await stationRow(id))?.branchId).toBe(riverside.id);
  });

  it("answers a taken id without naming the branch that holds it", async () => {
    // Registered before the pattern existed, or by an admin under an older pattern.
    const id = `${riverside.code}-PS-${uniq().toUpperCase()}`;
    await makeStation(db, downtown.id, { persoStation: id });
    actAs(riversideManager);
    const result = await registerStationAction(form(id.toLowerCase()));
    expect(result).toMatchObject({
      ok: false,
      code: "conflict:station",
      fieldErrors: {
        persoStation: ["This station id is already registered. Check the id D1 gave you for this station."],
      },
    });
    const said = JSON.stringify(result);
    for (const hint of [downtown.code, downtown.name, downtown.id]) expect(said).not.toContain(hint);
  });

  it("refuses every id while the branch has no pattern", async () => {
    const bare = await makeBranch(db);
    actAs(await makeUser(db, "manager", bare.id));
    const result = await registerStationAction(form(`${bare.code}-PS-01`));
    expect(!result.ok && result.fieldErrors?.persoStation?.[0]).toContain("no station id pattern yet");
  });

  it("lets an admin register a new branch's first station, under the same pattern", async () => {
    actAs(admin);
    const id = `${downtown.code}-PS-${uniq().toUpperCase()}`;
    const outside = await registerBranchStationAction({ ...form(`${riverside.code}-PS-99`), branchId: downtown.id });
    expect(outside).toMatchObject({ ok: false, code: "conflict:station" });
    const done = await registerBranchStationAction({ ...form(id), branchId: downtown.id });
    expect(done).toMatchObject({ ok: true, data: { persoStation: id } });
    expect((await stationRow(id))?.branchId).toBe(downtown.id);
  });

  it("keeps the admin's action from managers", async () => {
    actAs(riversideManager);
    const result = await registerBranchStationAction({ ...form(`${downtown.code}-PS-98`), branchId: downtown.id });
    expect(result).toMatchObject({ ok: false, code: "forbidden:action" });
  });
});
