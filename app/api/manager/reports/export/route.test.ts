// The reports' CSV route on the run's database: a manager gets their own branch's tables, never
// another branch's nor the network comparison; an admin gets any branch and the comparison;
// names a spreadsheet would run as formulas are neutralised.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob, makeUser } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));

const { GET } = await import("./route");

let counter: Awaited<ReturnType<typeof makeCounter>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
// The day the test's cards came out (the test branch is in UTC): not "now", which may be a new day.
const at = new Date(Date.now() - 60_000);
const today = at.toISOString().slice(0, 10);

beforeAll(async () => {
  counter = await makeCounter(db);
  manager = await makeUser(db, "manager", counter.branch.id);
  // A teller whose name a spreadsheet would run as a formula.
  const sly = await makeUser(db, "teller", counter.branch.id, { name: '=HYPERLINK("http://evil.example")' });
  await makeJob(db, counter, { state: "done", createdAt: new Date(at.getTime() - 30_000), completedAt: at });
  await makeJob(db, counter, { state: "done", requestedBy: sly.id, createdAt: at, completedAt: at });
  await makeJob(db, counter, {
    state: "production_exception",
    errorCode: "CARD_JAM",
    errorMessage: "Card jammed",
    completedAt: at,
  });
});
afterAll(() => db.$client.end());

const get = (query: string) => GET(new Request(`http://app.test/api/manager/reports/export?${query}`));

describe("GET /api/manager/reports/export", () => {
  it("gives a manager their branch's cards by teller as CSV, formulas neutralised", async () => {
    actAs(manager);
    const response = await get(`from=${today}&to=${today}&report=teller`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`report-teller-${counter.branch.code}-${today}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The byte-order mark, so spreadsheets read UTF-8 (a TextDecoder would drop it silently).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe('"day","first_day","teller","cards"');
    expect(lines).toContain(`"${today}","${today}","${counter.teller.name}","1"`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).not.toMatch(/(^|,)"=HYPERLINK/m);
  });

  it("lists exceptions in words with their code and status", async () => {
    actAs(manager);
    const text = await (await get(`from=${today}&to=${today}&report=exceptions`)).text();
    expect(text).toContain('"Needs action","Jammed","CARD_JAM"');
  });

  it("refuses another branch, the network comparison and tellers", async () => {
    const other = await makeCounter(db);
    actAs(manager);
    expect((await get(`branchId=${other.branch.id}`)).status).toBe(403);
    expect((await get("report=branches")).status).toBe(403);
    actAs(counter.teller);
    expect((await get("")).status).toBe(403);
  });

  it("gives an admin any branch and the comparison of all branches", async () => {
    actAs(await makeUser(db, "admin", null));
    const branch = await get(`branchId=${counter.branch.id}&from=${today}&to=${today}&report=time`);
    expect(branch.status).toBe(200);
    expect(await branch.text()).toContain('"all"');
    const all = await get(`branchId=${counter.branch.id}&from=${today}&to=${today}&report=branches`);
    expect(all.status).toBe(200);
    const text = await all.text();
    expect(text).toContain(`"${counter.branch.code}"`);
    expect(text).toContain('"branch_code","branch","time_zone","cards_produced"');
  });

  it("answers 400 with the reason for days that do not exist or a range backwards", async () => {
    actAs(manager);
    const bad = await get("from=2026-02-30");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("from:");
    expect((await get("from=2026-11-30&to=2026-11-01")).status).toBe(400);
  });
});
