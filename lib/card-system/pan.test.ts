import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLuhnValid, last4, luhnCheckDigit } from "./pan";

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(""));

describe("Luhn", () => {
  it("agrees with published test numbers", () => {
    expect(isLuhnValid("4111111111111111")).toBe(true);
    expect(isLuhnValid("79927398713")).toBe(true);
    expect(isLuhnValid("5555555555554444")).toBe(true);
    expect(isLuhnValid("4111111111111112")).toBe(false);
    expect(luhnCheckDigit("7992739871")).toBe(3);
  });

  it("makes any digit string valid by appending its check digit", () => {
    fc.assert(fc.property(digits(1, 18), (partial) => isLuhnValid(partial + String(luhnCheckDigit(partial)))));
  });

  it("detects every single-digit change", () => {
    fc.assert(
      fc.property(digits(12, 18), fc.nat(), fc.integer({ min: 1, max: 9 }), (partial, pos, delta) => {
        const pan = partial + String(luhnCheckDigit(partial));
        const i = pos % pan.length;
        const changed = pan.slice(0, i) + String((Number(pan[i]) + delta) % 10) + pan.slice(i + 1);
        return !isLuhnValid(changed);
      }),
    );
  });

  it("refuses non-digits", () => {
    expect(isLuhnValid("4111 1111 1111 1111")).toBe(false);
    expect(isLuhnValid("")).toBe(false);
    expect(() => luhnCheckDigit("12a")).toThrow();
  });
});

describe("last4", () => {
  it("keeps only the last four digits", () => {
    expect(last4("4111111111111111")).toBe("1111");
    expect(last4("5555 5555 5555 4444")).toBe("4444");
    expect(() => last4("123")).toThrow();
  });
});
