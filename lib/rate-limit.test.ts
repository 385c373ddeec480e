import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("per-key rate limiter", () => {
  it("allows a burst of perMinute, then refills at perMinute per minute, per key", () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 6, now: () => t });
    for (let i = 0; i < 6; i++) expect(limiter.take("tess")).toBe(true);
    expect(limiter.take("tess")).toBe(false);
    expect(limiter.retryAfter("tess")).toBe(10);
    expect(limiter.take("tom")).toBe(true);
    t += 10_000; // one token back
    expect(limiter.retryAfter("tess")).toBe(0);
    expect(limiter.take("tess")).toBe(true);
    expect(limiter.take("tess")).toBe(false);
    t += 10 * 60_000; // never more than a full bucket
    for (let i = 0; i < 6; i++) expect(limiter.take("tess")).toBe(true);
    expect(limiter.take("tess")).toBe(false);
  });
});
