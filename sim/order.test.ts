import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import {
  card,
  d1Client,
  encryptCard,
  expIn,
  getToken,
  orderBody,
  orderUrl,
  startTestSimulator,
  statusUrl,
  tempPki,
  waitFor,
} from "./test-helpers";

describe("E2 order and E3 status", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  let sim: RunningSimulator;
  let client: ReturnType<typeof d1Client>;
  let auth: Record<string, string>;
  let seq = 0;
  const nextCard = () => `card-${Date.now()}-${++seq}`;

  beforeAll(async () => {
    ({ pki, cleanup } = await tempPki());
    sim = await startTestSimulator(pki);
    client = d1Client(pki);
    auth = { authorization: `Bearer ${await getToken(sim, client, pki)}`, "content-type": "application/json" };
  });
  beforeEach(() => sim.core.reset());
  afterAll(async () => {
    await client.close();
    await sim.stop();
    await cleanup();
  });

  const post = async (cardId: string, body: unknown, headers = auth) =>
    client.call("POST", orderUrl(sim, cardId), { headers, body: JSON.stringify(body) });

  it("accepts a valid INSTANT order with 202 and an operationId", async () => {
    const reply = await post(nextCard(), await orderBody(pki));
    expect(reply.status).toBe(202);
    expect((reply.json as { operationId: string }).operationId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it("requires a bearer token", async () => {
    const body = await orderBody(pki);
    const none = await post(nextCard(), body, { "content-type": "application/json" });
    expect(none.status).toBe(401);
    expect(none.json).not.toHaveProperty("errorCode");
    const bad = await post(nextCard(), body, { ...auth, authorization: "Bearer forged.token.value" });
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ errorCode: "AUTHORIZER_UNAUTHORIZED" });
  });

  it("validates the path", async () => {
    const body = await orderBody(pki);
    const short = await client.call("POST", orderUrl(sim, "c1", "ISSUER01"), {
      headers: auth,
      body: JSON.stringify(body),
    });
    expect(short.json).toEqual({ errorCode: "FIELD_INVALID_FORMAT", error: "issuerId" });
    const other = await client.call("POST", orderUrl(sim, "c1", "ISSUER0002"), {
      headers: auth,
      body: JSON.stringify(body),
    });
    expect(other.json).toEqual({ errorCode: "FIELD_INVALID_VALUE", error: "issuerId" });
    const badCard = await post("bad.card!", body);
    expect(badCard.json).toEqual({ errorCode: "FIELD_INVALID_FORMAT", error: "cardId" });
    expect((await post("x".repeat(49), body)).json).toEqual({ errorCode: "FIELD_INVALID_FORMAT", error: "cardId" });
  });

  const bodyCases: Array<[string, Record<string, unknown>, number, string, string]> = [
    ["no distributionChannel", { distributionChannel: undefined }, 400, "FIELD_INVALID_FORMAT", "distributionChannel"],
    ["THALES channel", { distributionChannel: "THALES" }, 400, "FIELD_INVALID_VALUE", "distributionChannel"],
    ["no persoStation", { persoStation: undefined }, 400, "FIELD_INVALID_FORMAT", "persoStation"],
    ["no encryptedData", { encryptedData: undefined }, 400, "FIELD_INVALID_FORMAT", "encryptedData"],
    ["encryptedData not a JWE", { encryptedData: "hello" }, 400, "FIELD_INVALID_FORMAT", "encryptedData"],
    ["no services", { services: undefined }, 400, "FIELD_INVALID_FORMAT", "services"],
    ["no services.issuance", { services: {} }, 400, "FIELD_INVALID_FORMAT", "services.issuance"],
    ["bad services.issuance", { services: { issuance: "UPGRADE" } }, 400, "FIELD_INVALID_VALUE", "services.issuance"],
    [
      "paymentApplication not an object",
      { paymentApplication: "VISA" },
      400,
      "FIELD_INVALID_FORMAT",
      "paymentApplication",
    ],
    ["bad cardProductId", { cardProductId: "DEBIT CLASSIC" }, 400, "FIELD_INVALID_FORMAT", "cardProductId"],
    ["no issuerRequestId", { issuerRequestId: undefined }, 400, "FIELD_INVALID_FORMAT", "issuerRequestId"],
    ["unknown station", { persoStation: "BR999-PS-01" }, 400, "FIELD_INVALID_VALUE", "persoStation"],
  ];
  it.each(bodyCases)("rejects %s", async (_what, over, status, errorCode, field) => {
    const reply = await post(nextCard(), await orderBody(pki, over));
    expect(reply.status).toBe(status);
    expect(reply.json).toEqual({ errorCode, error: field });
  });

  const cardCases: Array<[string, Record<string, unknown>, string, string]> = [
    ["a PAN with letters", { pan: "41111111abcd1111" }, "FIELD_INVALID_FORMAT", "pan"],
    ["a 12-digit PAN", { pan: "411111111111" }, "FIELD_INVALID_FORMAT", "pan"],
    ["a PAN failing Luhn", { pan: "4111111111111112" }, "FIELD_INVALID_VALUE", "pan"],
    ["an exp that is not YYMM", { exp: "1329" }, "FIELD_INVALID_FORMAT", "exp"],
    ["an exp in the past", { exp: expIn(-1) }, "FIELD_INVALID_VALUE", "exp"],
    ["a lower-case name", { name: "Jane Doe" }, "FIELD_INVALID_FORMAT", "name"],
    ["a name over 26 characters", { name: "A".repeat(27) }, "FIELD_INVALID_FORMAT", "name"],
    ["no name", { name: undefined }, "FIELD_INVALID_FORMAT", "name"],
  ];
  it.each(cardCases)("rejects card data with %s", async (_what, over, errorCode, field) => {
    const reply = await post(nextCard(), await orderBody(pki, {}, card(over)));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ errorCode, error: field });
  });

  it("answers CRYPTO_ERROR for an unknown kid or a tampered JWE, PARSING_ERROR for non-JSON plaintext", async () => {
    const unknownKid = await post(
      nextCard(),
      await orderBody(pki, { encryptedData: await encryptCard(pki, card(), "other-kid") }),
    );
    expect(unknownKid.json).toMatchObject({ errorCode: "CRYPTO_ERROR" });
    const jwe = await encryptCard(pki, card());
    const parts = jwe.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0] = ct[0]! ^ 0xff;
    parts[3] = ct.toString("base64url");
    const tampered = await post(nextCard(), await orderBody(pki, { encryptedData: parts.join(".") }));
    expect(tampered.status).toBe(400);
    expect(tampered.json).toMatchObject({ errorCode: "CRYPTO_ERROR" });
    const notJson = await post(
      nextCard(),
      await orderBody(pki, { encryptedData: await encryptCard(pki, "PAN=4111111111111111") }),
    );
    expect(notJson.json).toEqual({ errorCode: "PARSING_ERROR", error: "encryptedData" });
  });

  it("returns the original 202 for the same data re-encrypted, and starts exactly one production", async () => {
    const cardId = nextCard();
    const first = await post(cardId, await orderBody(pki));
    const retry = await post(cardId, await orderBody(pki)); // fresh JWE, same card data
    expect(retry.status).toBe(202);
    expect(retry.json).toEqual(first.json);
    await waitFor(() => sim.core.orders.get(cardId)?.latest.details.status === "CARD_PROD_DONE", 5000, "card done");
    const again = await post(cardId, await orderBody(pki)); // even after production finished
    expect(again.json).toEqual(first.json);
    const counters = sim.core.orders.counters;
    expect(counters.ordersAccepted[cardId]).toBe(3);
    expect(counters.productionsStarted[cardId]).toBe(1);
    expect(counters.productionsStartedByIssuerRequestId["req-0001"]).toBe(1);
  });

  it("answers 409 SIM_CARD_ALREADY_ORDERED when the same cardId comes with different data", async () => {
    const cardId = nextCard();
    expect((await post(cardId, await orderBody(pki))).status).toBe(202);
    const otherName = await post(cardId, await orderBody(pki, {}, card({ name: "JOHN DOE" })));
    expect(otherName.status).toBe(409);
    expect(otherName.json).toMatchObject({ errorCode: "SIM_CARD_ALREADY_ORDERED" });
    const otherStation = await post(cardId, await orderBody(pki, { persoStation: "BR001-PS-02" }));
    expect(otherStation.status).toBe(409);
    expect(sim.core.orders.counters.productionsStarted[cardId]).toBe(1);
  });

  it("serves E3 status in the notification shape, case-insensitively, and 404 for an unknown card", async () => {
    const cardId = nextCard();
    const accepted = (await post(cardId, await orderBody(pki))).json as { operationId: string };
    await waitFor(() => sim.core.orders.get(cardId)?.latest.details.status === "CARD_PROD_DONE", 5000, "card done");
    const reply = await client.call("GET", statusUrl(sim, cardId), { headers: auth });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      operations: [
        expect.objectContaining({
          operationId: accepted.operationId,
          operation: "PRODUCE",
          status: "SUCCESSFUL",
          cardId,
          issuerRequestId: "req-0001",
          startTime: expect.any(String),
          endTime: expect.any(String),
          details: { status: "CARD_PROD_DONE" },
        }),
      ],
    });
    const lower = await client.call(
      "GET",
      statusUrl(sim, cardId).replace("physicalCards", "physicalcards").replace("productionStatus", "productionstatus"),
      { headers: auth },
    );
    expect(lower.json).toEqual(reply.json);
    const missing = await client.call("GET", statusUrl(sim, "never-ordered"), { headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ errorCode: "SIM_NOT_FOUND" });
    expect((await client.call("GET", statusUrl(sim, cardId))).status).toBe(401);
  });

  it("answers 413 for a body over 64 KiB and a generic 400 for broken JSON", async () => {
    const big = await post(nextCard(), { ...(await orderBody(pki)), padding: "x".repeat(70 * 1024) });
    expect(big.status).toBe(413);
    const broken = await client.call("POST", orderUrl(sim, nextCard()), { headers: auth, body: "{not json" });
    expect(broken.status).toBe(400);
    expect(broken.json).toEqual({ error: "request body is not valid JSON" });
  });

  it("checks the x-correlation-id format and echoes a valid one", async () => {
    const ok = await post(nextCard(), await orderBody(pki), { ...auth, "x-correlation-id": "teller-7f3a9c" });
    expect(ok.headers["x-correlation-id"]).toBe("teller-7f3a9c");
    const bad = await post(nextCard(), await orderBody(pki), { ...auth, "x-correlation-id": "has spaces" });
    expect(bad.json).toEqual({ errorCode: "FIELD_INVALID_FORMAT", error: "x-correlation-id" });
  });

  it("survives malformed input with 4xx answers and keeps serving", async () => {
    const bodies = [
      "[]",
      "null",
      "42",
      '"text"',
      JSON.stringify({ distributionChannel: "INSTANT", persoStation: ["x"] }),
      "{".repeat(5000),
    ];
    for (const body of bodies) {
      const reply = await client.call("POST", orderUrl(sim, nextCard()), { headers: auth, body });
      expect(reply.status).toBe(400);
    }
    const badEscape = await client.call(
      "POST",
      `${sim.bankingUrl}/issuers/ISSUER0001/physicalCards/%E0%A4%A/operations:production`,
      { headers: auth, body: "{}" },
    );
    expect(badEscape.json).toEqual({ errorCode: "FIELD_INVALID_FORMAT", error: "cardId" });
    const encodedColon = await client.call("POST", orderUrl(sim, nextCard()).replace(":production", "%3Aproduction"), {
      headers: auth,
      body: JSON.stringify(await orderBody(pki)),
    });
    expect(encodedColon.status).toBe(202);
    expect((await client.call("DELETE", orderUrl(sim, nextCard()), { headers: auth })).status).toBe(405);
    expect((await post(nextCard(), await orderBody(pki))).status).toBe(202);
  });
});
