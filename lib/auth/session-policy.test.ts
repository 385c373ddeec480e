import { describe, expect, it } from "vitest";
import { idleStage, sessionVerdict, TOUCH_INTERVAL_SECONDS } from "./session-policy";

const policy = { idleMinutes: 15, maxAgeHours: 10 };
const MIN = 60;

describe("sessionVerdict", () => {
  it("ends an idle teller after the limit plus the one minute of recording granularity", () => {
    const teller = (idleSeconds: number) => sessionVerdict({ role: "teller", ageSeconds: 3600, idleSeconds }, policy);
    expect(teller(0)).toBe("ok");
    expect(teller(15 * MIN)).toBe("ok");
    expect(teller(15 * MIN + TOUCH_INTERVAL_SECONDS - 1)).toBe("ok");
    expect(teller(15 * MIN + TOUCH_INTERVAL_SECONDS)).toBe("idle");
    expect(teller(3 * 3600)).toBe("idle");
  });

  it("follows the configured idle limit", () => {
    expect(sessionVerdict({ role: "teller", ageSeconds: 0, idleSeconds: 6 * MIN }, { ...policy, idleMinutes: 5 })).toBe(
      "idle",
    );
    expect(
      sessionVerdict({ role: "teller", ageSeconds: 0, idleSeconds: 6 * MIN }, { ...policy, idleMinutes: 30 }),
    ).toBe("ok");
  });

  it("does not time out managers and admins who watch live boards", () => {
    for (const role of ["manager", "admin"] as const) {
      expect(sessionVerdict({ role, ageSeconds: 3600, idleSeconds: 5 * 3600 }, policy)).toBe("ok");
    }
  });

  it("ends every session at its absolute lifetime, however recent the activity", () => {
    for (const role of ["teller", "manager", "admin"] as const) {
      expect(sessionVerdict({ role, ageSeconds: 10 * 3600 - 1, idleSeconds: 0 }, policy)).toBe("ok");
      expect(sessionVerdict({ role, ageSeconds: 10 * 3600, idleSeconds: 0 }, policy)).toBe("expired");
    }
  });

  it("treats unreadable ages as expired rather than valid", () => {
    expect(sessionVerdict({ role: "admin", ageSeconds: Number.NaN, idleSeconds: 0 }, policy)).toBe("expired");
    expect(sessionVerdict({ role: "teller", ageSeconds: 0, idleSeconds: Number.NaN }, policy)).toBe("idle");
  });
});

describe("idleStage", () => {
  const limit = 15 * 60_000;
  it("warns a minute before the limit and ends at it", () => {
    expect(idleStage(0, limit)).toBe("active");
    expect(idleStage(limit - 60_001, limit)).toBe("active");
    expect(idleStage(limit - 60_000, limit)).toBe("warn");
    expect(idleStage(limit - 1, limit)).toBe("warn");
    expect(idleStage(limit, limit)).toBe("end");
  });
  it("warns halfway for limits of two minutes or less", () => {
    expect(idleStage(29_999, 60_000)).toBe("active");
    expect(idleStage(30_000, 60_000)).toBe("warn");
  });
});
