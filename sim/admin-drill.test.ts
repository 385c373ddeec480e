// The control page's drill forms: each control changes what the simulator does, Clear puts it
// back, bad input gets a 4xx page, and a post without the page's token or from another origin
// changes nothing.
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import {
  d1Client,
  getToken,
  orderBody,
  orderUrl,
  startReceiver,
  startTestSimulator,
  tempPki,
  VALID_PAN,
  waitFor,
} from "./test-helpers";

describe("control page drill", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  let sim: RunningSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let client: ReturnType<typeof d1Client>;
  let auth: Record<string, string>;
  let origin: string;
  let seq = 0;

  beforeAll(async () => {
    ({ pki, cleanup } = await tempPki());
    receiver = await startReceiver();
    sim = await startTestSimulator(pki, { notify: { baseUrl: receiver.url, baseDelayMs: 5 } });
    client = d1Client(pki);
    auth = { authorization: `Bearer ${await getToken(sim, client, pki)}`, "content-type": "application/json" };
    origin = new URL(sim.adminUrl!).origin;
  });
  beforeEach(async () => {
    expect((await fetch(`${sim.adminUrl}/reset`, { method: "POST" })).status).toBe(200);
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
    await receiver.close();
    await cleanup();
  });

  const page = async () => (await fetch(`${sim.adminUrl}/`)).text();
  const token = async () => /name="csrf" value="([^"]+)"/.exec(await page())?.[1] ?? "";

  /** Posts a form as the browser does from the page: same Origin, form encoding, the token. */
  async function submit(action: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(`${sim.adminUrl}/drill/${action}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin, "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrf: await token(), ...fields }).toString(),
    });
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  }
  const order = async (persoStation = "BR001-PS-01", timeoutMs = 5000) => {
    const cardId = `d-${++seq}`;
    const reply = await client.call("POST", orderUrl(sim, cardId), {
      headers: auth,
      body: JSON.stringify(await orderBody(pki, { persoStation })),
      timeoutMs,
    });
    return { cardId, reply };
  };
  const finalOf = (cardId: string) =>
    waitFor(
      () => {
        const latest = sim.core.orders.get(cardId)?.latest;
        return latest && latest.status !== "PENDING" ? latest : undefined;
      },
      5000,
      `final status of ${cardId}`,
    );

  it("shows every station with labelled fault forms, each carrying the token", async () => {
    const html = await page();
    const csrf = await token();
    expect(csrf.length).toBeGreaterThan(20);
    const stations = ["BR001-PS-01", "BR001-PS-02", "BR001-PS-03", "BR002-PS-01", "BR002-PS-02"];
    stations.forEach((id, i) => expect(html).toContain(`<h3 id="s${i}-h">Station ${id}</h3>`));
    const forms = html.match(/<form /g)?.length ?? 0;
    expect(html.match(/name="csrf"/g)?.length).toBe(forms);
    // Every input and select has a label pointing at it.
    const ids = [...html.matchAll(/<(?:input|select) (?!type="hidden")[^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html).toContain("No active faults");
  });

  it("jams the next card at one station only, and the jam can be set until cleared", async () => {
    const done = await submit("station-fault", { station: "BR001-PS-02", kind: "jam", duration: "next", count: "1" });
    expect(done).toMatchObject({ status: 303, location: "/?done=station-fault#active-faults" });
    expect(await page()).toMatch(/BR001-PS-02: Card jam, the next card/);
    const other = await order("BR001-PS-01");
    const jammed = await order("BR001-PS-02");
    expect(await finalOf(jammed.cardId)).toMatchObject({ status: "FAILED", details: { reason: "jam" } });
    expect(await finalOf(other.cardId)).toMatchObject({ status: "SUCCESSFUL" });
    expect((await finalOf((await order("BR001-PS-02")).cardId)).status).toBe("SUCCESSFUL");

    await submit("station-fault", { station: "BR001-PS-02", kind: "chipWriteFail", duration: "untilCleared" });
    for (let i = 0; i < 2; i++)
      expect(await finalOf((await order("BR001-PS-02")).cardId)).toMatchObject({
        details: { reason: "chip write failure" },
      });
    expect(await page()).toContain("Chip write failure, until cleared");
    expect(await submit("clear", { what: "station-fault", station: "BR001-PS-02", index: "0" })).toMatchObject({
      status: 303,
    });
    expect((await finalOf((await order("BR001-PS-02")).cardId)).status).toBe("SUCCESSFUL");
  });

  it("runs a station out of blank cards, and sets it offline until cleared", async () => {
    await submit("station-fault", { station: "BR002-PS-01", kind: "outOfStock", duration: "next", count: "1" });
    expect(await finalOf((await order("BR002-PS-01")).cardId)).toMatchObject({ details: { reason: "out of stock" } });

    expect(await submit("station-state", { station: "BR002-PS-01", state: "OFFLINE" })).toMatchObject({ status: 303 });
    expect(await page()).toContain("BR002-PS-01: offline");
    expect(await finalOf((await order("BR002-PS-01")).cardId)).toMatchObject({
      details: { reason: "station offline" },
    });
    await submit("clear", { what: "station-state", station: "BR002-PS-01" });
    expect(sim.core.stations.get("BR002-PS-01")?.state).toBe("ONLINE");
    expect((await finalOf((await order("BR002-PS-01")).cardId)).status).toBe("SUCCESSFUL");
  });

  it("adds a station named by the trainer and injects a fault there", async () => {
    expect(await submit("station-add", { station: "KIOSK-PS-7", branch: "K7" })).toMatchObject({ status: 303 });
    expect(await submit("station-add", { station: "KIOSK-PS-7", branch: "K7" })).toMatchObject({ status: 409 });
    await submit("station-fault", { station: "KIOSK-PS-7", kind: "dataException", duration: "next" });
    expect(await finalOf((await order("KIOSK-PS-7")).cardId)).toMatchObject({
      details: { reason: "invalid personalization data" },
    });
  });

  it("answers the next D1 calls with 429 and Retry-After, or 500 until cleared", async () => {
    await submit("d1-fault", { mode: "http429", duration: "next", count: "2", retryAfterSeconds: "9" });
    expect(await page()).toContain("Retry-After 9 s, the next 2 calls");
    for (let i = 0; i < 2; i++) {
      const { reply } = await order();
      expect(reply.status).toBe(429);
      expect(reply.headers["retry-after"]).toBe("9");
    }
    expect((await order()).reply.status).toBe(202);

    await submit("d1-fault", { mode: "http500", duration: "untilCleared", station: "BR001-PS-03" });
    expect((await order("BR001-PS-03")).reply.status).toBe(500);
    expect((await order("BR001-PS-03")).reply.status).toBe(500);
    expect((await order("BR001-PS-01")).reply.status).toBe(202);
    await submit("clear", { what: "d1", index: "0" });
    expect((await order("BR001-PS-03")).reply.status).toBe(202);
  });

  it("makes D1 time out (no answer) for the next call", async () => {
    await submit("d1-fault", { mode: "hang", duration: "next" });
    await expect(order("BR001-PS-01", 150)).rejects.toMatchObject({ name: "TimeoutError" });
    expect((await order()).reply.status).toBe(202);
  });

  it("drops, duplicates and delays notifications, and Clear all puts everything back", async () => {
    await submit("notification-fault", { kind: "drop", duration: "untilCleared" });
    const dropped = await order();
    await finalOf(dropped.cardId);
    await waitFor(() => sim.core.notifier.stats.dropped >= 3, 5000, "three drops");
    expect(receiver.statusesFor(dropped.cardId)).toEqual([]);
    expect(await page()).toContain("Notifications dropped: until cleared");
    await submit("clear", { what: "notification", key: "dropPercent" });

    await submit("notification-fault", { kind: "duplicate", duration: "next", count: "1" });
    const doubled = await order();
    await waitFor(() => receiver.statusesFor(doubled.cardId).length === 4, 5000, "four calls");
    expect(receiver.statusesFor(doubled.cardId)[0]).toBe(receiver.statusesFor(doubled.cardId)[1]);

    await submit("notification-fault", { kind: "delay", duration: "next", count: "1", delaySeconds: "7" });
    expect(sim.core.notifier.faults).toMatchObject({ delayNext: 1, delayMs: 7000 });
    expect(await page()).toContain("Notifications delayed by 7 s: the next notification");
    await submit("station-fault", { station: "BR001-PS-01", kind: "jam", duration: "untilCleared" });
    await submit("d1-fault", { mode: "http500", duration: "percent", percent: "50" });
    await submit("station-state", { station: "BR001-PS-02", state: "ERROR" });
    expect(await page()).toContain("50 % of calls");
    expect(await submit("clear", { what: "all" })).toMatchObject({ status: 303 });
    expect(await page()).toContain("No active faults");
    expect(sim.core.notifier.faults.delayNext).toBe(0);
    const normal = await order("BR001-PS-02");
    expect(normal.reply.status).toBe(202);
    expect((await finalOf(normal.cardId)).status).toBe("SUCCESSFUL");
  });

  it("refuses bad input with a 4xx page that says what is wrong, changing nothing", async () => {
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ["station-fault", { station: "BR001-PS-01", kind: "meltdown", duration: "next" }, 400, "kind"],
      ["station-fault", { station: "BR001-PS-01", kind: "jam", duration: "next", count: "0" }, 400, "count"],
      ["station-fault", { station: "NOPE-1", kind: "jam", duration: "next" }, 404, "no station NOPE-1"],
      ["station-fault", { station: "<script>", kind: "jam", duration: "next" }, 400, "station"],
      ["d1-fault", { mode: "http429", duration: "next", retryAfterSeconds: "-1" }, 400, "retryAfterSeconds"],
      ["notification-fault", { kind: "reorder", duration: "percent" }, 400, "only be set for the next N"],
      ["clear", { what: "d1", index: "3" }, 404, "no D1 fault 3"],
      ["explode", {}, 404, "no such control"],
    ];
    for (const [action, fields, status, message] of cases) {
      const res = await submit(action, fields);
      expect(res.status, action).toBe(status);
      expect(res.text).toContain('role="alert"');
      expect(res.text).toContain(message);
      expect(res.text).not.toContain("<script>");
    }
    expect(await page()).toContain("No active faults");
  });

  it("refuses a post without the page's token, from another origin or not form-encoded", async () => {
    const jam = { station: "BR001-PS-01", kind: "jam", duration: "next" };
    expect((await submit("station-fault", { ...jam, csrf: "guessed" })).status).toBe(403);
    expect((await submit("station-fault", jam, { origin: "http://localhost:3000" })).status).toBe(403);
    // DNS rebinding: the right token reaches the port under a foreign name (fetch cannot set Host).
    const body = new URLSearchParams({ csrf: await token(), ...jam }).toString();
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(`${sim.adminUrl}/drill/station-fault`, {
        method: "POST",
        headers: { host: "evil.example", "content-type": "application/x-www-form-urlencoded" },
      });
      req.on("response", (res) => resolve(res.resume().statusCode ?? 0)).on("error", reject);
      req.end(body);
    });
    expect(rebound).toBe(403);
    expect((await submit("station-fault", jam, { "content-type": "text/plain" })).status).toBe(415);
    expect(sim.core.stations.get("BR001-PS-01")?.faults).toEqual([]);
  });

  it("listens on 127.0.0.1 only: the same port on another address refuses the connection", async () => {
    const port = new URL(sim.adminUrl!).port;
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: "::1", port: Number(port) });
      socket
        .on("connect", () => {
          socket.destroy();
          resolve("connected");
        })
        .on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
    // ECONNREFUSED with IPv6, EADDRNOTAVAIL/ENETUNREACH without: never a connection.
    expect(refused).not.toBe("connected");
  });

  it("lists recent orders and notifications without card data", async () => {
    const { cardId } = await order();
    await finalOf(cardId);
    await waitFor(() => receiver.statusesFor(cardId).length === 3, 5000, "three notifications");
    const html = await page();
    expect(html).toContain(cardId);
    expect(html).toContain("CARD_PROD_DONE");
    expect(html).not.toContain(VALID_PAN);
    expect(html).not.toContain(VALID_PAN.slice(0, 6));
  });
});
