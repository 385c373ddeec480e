import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import type { CardData } from "./card-system";
import { checkCardData, DuplicatePanGuard } from "./validate";

const request = {
  jobId: "job-1",
  cardId: "card-1",
  product: { bin: "411111", panLength: 16, expiryMonths: 36 },
  nameOnCard: "JANE DOE",
};
const now = new Date("2026-11-15T12:00:00Z");
const good: CardData = { pan: "4111111111111111", exp: "2911", name: "JANE DOE", panSequenceNumber: "00" };

function failedCheck(card: Partial<CardData>, at = now): unknown {
  try {
    checkCardData(request, { ...good, ...card }, at);
    return "accepted";
  } catch (error) {
    expect((error as AppError).code).toBe("invalid:card_system");
    return (error as AppError).detail?.check;
  }
}

describe("checkCardData", () => {
  it("accepts a Luhn-valid PAN of the product's length and BIN with a future expiry", () => {
    expect(failedCheck({})).toBe("accepted");
    expect(failedCheck({ exp: "2611" })).toBe("accepted");
    expect(failedCheck({ cvv2: "123" })).toBe("accepted");
  });

  it("names the failed check, and never the PAN", () => {
    expect(failedCheck({ pan: "4111111111111112" })).toBe("pan_luhn");
    expect(failedCheck({ pan: "4111 1111 1111 1111" })).toBe("pan_format");
    expect(failedCheck({ pan: "4111111111111111111" })).toBe("pan_length");
    expect(failedCheck({ pan: "5555555555554444" })).toBe("pan_bin");
    expect(failedCheck({ exp: "2610" })).toBe("exp_past");
    expect(failedCheck({ exp: "2913" })).toBe("exp_format");
    expect(failedCheck({ panSequenceNumber: "1" })).toBe("psn_format");
    expect(failedCheck({ cvv2: "12" })).toBe("cvv2_format");
    try {
      checkCardData(request, { ...good, pan: "4111111111111112" }, now);
    } catch (error) {
      expect(JSON.stringify({ ...(error as AppError).detail, message: (error as AppError).message })).not.toContain(
        "411111111111",
      );
    }
  });
});

describe("DuplicatePanGuard", () => {
  it("refuses one PAN for two cardIds, and allows the same cardId again", () => {
    const guard = new DuplicatePanGuard();
    guard.check("card-a", "4111111111111111");
    guard.check("card-a", "4111111111111111");
    expect(() => guard.check("card-b", "4111111111111111")).toThrow(
      expect.objectContaining({ code: "invalid:card_system" }),
    );
    guard.check("card-b", "5555555555554444");
  });

  it("forgets the oldest PAN past its capacity", () => {
    const guard = new DuplicatePanGuard(2);
    guard.check("card-a", "4111111111111111");
    guard.check("card-b", "5555555555554444");
    guard.check("card-c", "4012888888881881");
    expect(() => guard.check("card-d", "4111111111111111")).not.toThrow();
  });
});
