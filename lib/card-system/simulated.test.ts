import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isLuhnValid } from "./pan";
import { expiryYymm, SimulatedCardSystem } from "./simulated";

const request = (cardId: string, product = { bin: "411111", panLength: 16, expiryMonths: 36 }) => ({
  jobId: `job-${cardId}`,
  cardId,
  product,
  nameOnCard: "JANE DOE",
});

describe("SimulatedCardSystem", () => {
  const source = new SimulatedCardSystem({ now: () => new Date("2025-11-15T12:00:00Z") });

  it("allocates Luhn-valid PANs under the product's BIN with the product's length", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,48}$/),
        fc.integer({ min: 13, max: 19 }),
        fc.stringMatching(/^[2-6]\d{5,7}$/),
        async (cardId, panLength, bin) => {
          const card = await source.allocate(request(cardId, { bin, panLength, expiryMonths: 36 }));
          expect(card.pan).toMatch(/^\d+$/);
          expect(card.pan).toHaveLength(panLength);
          expect(card.pan.startsWith(bin)).toBe(true);
          expect(isLuhnValid(card.pan)).toBe(true);
        },
      ),
    );
  });

  it("gives the same card to the same cardId and different PANs to different cardIds", async () => {
    const a1 = await source.allocate(request("card-a"));
    const a2 = await new SimulatedCardSystem({ now: () => new Date("2025-11-15T12:00:00Z") }).allocate(
      request("card-a"),
    );
    const b = await source.allocate(request("card-b"));
    expect(a2).toEqual(a1);
    expect(b.pan).not.toBe(a1.pan);
    const pans = await Promise.all(Array.from({ length: 200 }, (_, i) => source.allocate(request(`card-${i}`))));
    expect(new Set(pans.map((c) => c.pan)).size).toBe(200);
  });

  it("sets the expiry to now plus the product's months as YYMM, and keeps the name", async () => {
    const card = await source.allocate(request("card-x", { bin: "411111", panLength: 16, expiryMonths: 36 }));
    expect(card.exp).toBe("2811");
    expect(card.name).toBe("JANE DOE");
    expect(expiryYymm(new Date("2025-11-15T00:00:00Z"), 2)).toBe("2601");
    expect(expiryYymm(new Date("2099-12-31T00:00:00Z"), 1)).toBe("0001");
  });

  it("refuses a product whose BIN or length cannot make a PAN", async () => {
    for (const product of [
      { bin: "41a111", panLength: 16, expiryMonths: 36 },
      { bin: "411111", panLength: 12, expiryMonths: 36 },
      { bin: "41111111111111", panLength: 16, expiryMonths: 36 },
      { bin: "411111", panLength: 16, expiryMonths: 0 },
    ]) {
      const error = await source.allocate(request("card-y", product)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid:product");
    }
  });
});

describe("SimulatedCardSystem activation and blocking", () => {
  it("activates idempotently, blocks for good, and refuses to activate a blocked card", async () => {
    const system = new SimulatedCardSystem();
    await system.activate({ cardId: "card-act" });
    await system.activate({ cardId: "card-act" });
    expect(system.stateOf("card-act")).toBe("active");
    await system.block({ cardId: "card-act", reason: "lost" });
    await system.block({ cardId: "card-act", reason: "damaged" });
    expect(system.stateOf("card-act")).toEqual({ blocked: "lost" });
    const error = await system.activate({ cardId: "card-act" }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("conflict:card_system");
    expect(await system.ping()).toEqual({ kind: "simulated", latencyMs: 0 });
  });
});

describe("SimulatedCardSystem and debit accounts", () => {
  it("keeps the account a card was allocated for, and nothing for a card without one", async () => {
    const system = new SimulatedCardSystem();
    await system.allocate({ ...request("card-debit"), accountNumber: "0000000042" });
    await system.allocate(request("card-credit"));
    expect(system.accountOf("card-debit")).toBe("0000000042");
    expect(system.accountOf("card-credit")).toBeUndefined();
  });
});
