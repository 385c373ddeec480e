import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Notifier, type NotifierConfig } from "./notifier";
import type { DevPki } from "./pki";
import { ISSUER, silentLogger, startReceiver, tempPki, waitFor } from "./test-helpers";
import { Timers } from "./timers";
import type { DetailsStatus, OperationNotification } from "./types";

let n = 0;
const op = (cardId = `card-${++n}`, status: DetailsStatus = "CARD_PROD_REQUESTED"): OperationNotification => ({
  operationId: `op-${cardId}`,
  operation: "PRODUCE",
  status: status === "CARD_PROD_DONE" ? "SUCCESSFUL" : "PENDING",
  startTime: new Date().toISOString(),
  cardId,
  details: { status },
});

describe("notifier (E5 client)", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  const open: Array<{ timers: Timers; notifier: Notifier }> = [];
  const receivers: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => ({ pki, cleanup } = await tempPki()));
  afterEach(async () => {
    for (const { timers, notifier } of open.splice(0)) {
      timers.stop();
      await notifier.close();
    }
    for (const r of receivers.splice(0)) await r.close();
  });
  afterAll(() => cleanup());

  function notifier(baseUrl: string, over: Partial<NotifierConfig> = {}) {
    const timers = new Timers();
    const instance = new Notifier(
      {
        issuerId: ISSUER,
        baseUrl,
        tls: {
          certPem: readFileSync(pki.simClient.certPath, "utf8"),
          keyPem: readFileSync(pki.simClient.keyPath, "utf8"),
          caPem: readFileSync(pki.ca.certPath, "utf8"),
        },
        maxOperationsPerNotification: 1,
        maxAttempts: 4,
        baseDelayMs: 30,
        timeoutMs: 2000,
        ...over,
      },
      timers,
      silentLogger,
    );
    open.push({ timers, notifier: instance });
    return instance;
  }
  async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
    const r = await startReceiver(respond);
    receivers.push(r);
    return r;
  }

  it("retries 5xx with exponential backoff until the issuer answers 204", async () => {
    const r = await receiver((_c, i) => (i < 2 ? 503 : 204));
    const nt = notifier(r.url);
    nt.enqueue(op());
    await waitFor(() => nt.stats.delivered === 1, 5000, "delivery");
    expect(r.calls).toHaveLength(3);
    // Lower bounds only: 30 ms then 60 ms between attempts.
    expect(r.calls[1]!.at - r.calls[0]!.at).toBeGreaterThanOrEqual(25);
    expect(r.calls[2]!.at - r.calls[1]!.at).toBeGreaterThanOrEqual(55);
    expect(nt.events.map((e) => e.outcome)).toEqual(["failed", "failed", "delivered"]);
  });

  it("never retries a 4xx", async () => {
    const r = await receiver(() => 400);
    const nt = notifier(r.url);
    nt.enqueue(op());
    await waitFor(() => nt.stats.gaveUp === 1, 5000, "give up");
    expect(r.calls).toHaveLength(1);
    expect(nt.stats.responses).toEqual({ "400": 1 });
  });

  it("gives up after maxAttempts on persistent 5xx", async () => {
    const r = await receiver(() => 500);
    const nt = notifier(r.url, { maxAttempts: 3, baseDelayMs: 1 });
    nt.enqueue(op());
    await waitFor(() => nt.stats.gaveUp === 1, 5000, "give up");
    expect(r.calls).toHaveLength(3);
  });

  it("retries after a timeout", async () => {
    const r = await receiver((_c, i) => (i === 0 ? "hang" : 204));
    const nt = notifier(r.url, { timeoutMs: 100, baseDelayMs: 1 });
    nt.enqueue(op());
    await waitFor(() => nt.stats.delivered === 1, 5000, "delivery");
    expect(nt.events[0]).toMatchObject({ outcome: "failed", response: "timeout" });
    expect(r.calls).toHaveLength(2);
  });

  it("batches up to maxOperationsPerNotification operations per call", async () => {
    const r = await receiver();
    const nt = notifier(r.url, { maxOperationsPerNotification: 3 });
    for (let i = 0; i < 7; i++) nt.enqueue(op());
    await waitFor(() => r.operations().length === 7, 5000, "all operations");
    expect(Math.max(...r.calls.map((c) => c.body.operations.length))).toBeLessThanOrEqual(3);
    expect(r.calls.length).toBeGreaterThanOrEqual(3);
    expect(r.calls.length).toBeLessThan(7); // the first call is in flight while the rest queue up
  });

  it("gets an E6 token with HTTP Basic, reuses it, and fetches a new one after a 401", async () => {
    let tokenCalls = 0;
    let current = "";
    const r = await receiver((call) => {
      if (call.path === "/authz/d1/v1/oauth2/token") return 200;
      return call.headers.authorization === `Bearer ${current}` ? 204 : 401;
    });
    // The plain receiver cannot send a body, so the token endpoint is a second tiny server.
    const tokenServer = await import("node:http").then(({ createServer: http }) =>
      http((req, res) => {
        let body = "";
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => {
          tokenCalls++;
          const expected = `Basic ${Buffer.from("sim-client:s3cret").toString("base64")}`;
          if (req.headers.authorization !== expected || body !== "grant_type=client_credentials")
            return res.writeHead(400).end();
          current = `token-${tokenCalls}`;
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ access_token: current, token_type: "Bearer", expires_in: "900" }));
        });
      }),
    );
    await new Promise<void>((ok) => tokenServer.listen(0, "127.0.0.1", ok));
    receivers.push({ close: () => new Promise<void>((ok) => tokenServer.close(() => ok())) });
    const tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/authz/d1/v1/oauth2/token`;
    const nt = notifier(r.url, { token: { tokenUrl, clientId: "sim-client", clientSecret: "s3cret" } });
    nt.enqueue(op());
    nt.enqueue(op());
    await waitFor(() => nt.stats.delivered === 2, 5000, "two deliveries");
    expect(tokenCalls).toBe(1);
    current = "rotated-by-issuer";
    nt.enqueue(op());
    await waitFor(() => nt.stats.delivered === 3, 5000, "delivery after 401");
    expect(tokenCalls).toBe(2);
    expect(r.calls.at(-1)?.headers.authorization).toBe("Bearer token-2");
  });

  it("presents the simulator's client certificate over mTLS", async () => {
    const seen: string[] = [];
    const server = createServer(
      {
        key: readFileSync(pki.simServer.keyPath),
        cert: readFileSync(pki.simServer.certPath),
        ca: readFileSync(pki.ca.certPath),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        seen.push(String((req.socket as TLSSocket).getPeerCertificate().subject.CN));
        req.resume();
        req.on("end", () => res.writeHead(204).end());
      },
    );
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    receivers.push({
      close: () =>
        new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        }),
    });
    const nt = notifier(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    nt.enqueue(op());
    await waitFor(() => nt.stats.delivered === 1, 5000, "mTLS delivery");
    expect(seen).toEqual(["TLSMA-EC/D1-SIMULATOR-PPR"]);
  });

  describe("faults", () => {
    it("drops, duplicates, reorders, delays and re-sends as configured", async () => {
      const r = await receiver();
      const nt = notifier(r.url, { baseDelayMs: 1 });
      Object.assign(nt.faults, { dropNext: 1 });
      nt.enqueue(op("dropped"));
      Object.assign(nt.faults, { duplicateNext: 1 });
      nt.enqueue(op("twice"));
      await waitFor(() => r.operations().length === 2, 5000, "duplicate");
      expect(r.operations().map((o) => o.cardId)).toEqual(["twice", "twice"]);
      expect(nt.events[0]).toMatchObject({ outcome: "dropped" });

      Object.assign(nt.faults, { reorderNext: 1, delayMs: 5000 });
      nt.enqueue(op("first"));
      nt.enqueue(op("second"));
      await waitFor(() => r.operations().length === 4, 5000, "reordered pair");
      expect(
        r
          .operations()
          .slice(2)
          .map((o) => o.cardId),
      ).toEqual(["second", "first"]);

      Object.assign(nt.faults, { delayNext: 1, delayMs: 80 });
      nt.enqueue(op("late"));
      nt.enqueue(op("early"));
      await waitFor(() => r.operations().length === 6, 5000, "delayed op");
      expect(
        r
          .operations()
          .slice(4)
          .map((o) => o.cardId),
      ).toEqual(["early", "late"]);

      // The receiver records a call before the notifier has read the answer: wait for both.
      await waitFor(() => nt.stats.delivered === 6, 5000, "six deliveries");
      Object.assign(nt.faults, { resendNext: 1 });
      nt.enqueue(op("resent"));
      await waitFor(() => nt.stats.delivered === 7, 5000, "resent op");
      expect(
        r
          .operations()
          .slice(6)
          .map((o) => o.cardId),
      ).toEqual(["resent", "resent"]);
      expect(nt.stats).toMatchObject({ dropped: 1, duplicated: 1, reordered: 1, delayed: 1, resent: 1 });
    });

    it("drops everything at 100 percent and nothing at 0", async () => {
      const r = await receiver();
      const nt = notifier(r.url);
      Object.assign(nt.faults, { dropPercent: 100 });
      for (let i = 0; i < 5; i++) nt.enqueue(op());
      Object.assign(nt.faults, { dropPercent: 0 });
      nt.enqueue(op("kept"));
      await waitFor(() => nt.stats.delivered === 1, 5000, "kept op");
      expect(r.operations().map((o) => o.cardId)).toEqual(["kept"]);
      expect(nt.stats.dropped).toBe(5);
    });
  });
});
