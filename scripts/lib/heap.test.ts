import { describe, expect, it } from "vitest";
import { heapLimitMB, withHeapLimit } from "./heap";

describe("heap settings", () => {
  it("grow with the streams an instance holds, in steps of 32 MB", () => {
    expect([0, 500, 1_000, 2_000, 5_000].map(heapLimitMB)).toEqual([192, 256, 320, 448, 832]);
  });

  it("are added to NODE_OPTIONS except those the operator set", () => {
    expect(withHeapLimit(undefined, 500)).toBe("--max-old-space-size=256 --max-semi-space-size=2");
    expect(withHeapLimit("--enable-source-maps", 1_000)).toBe(
      "--enable-source-maps --max-old-space-size=320 --max-semi-space-size=2",
    );
    expect(withHeapLimit("--max-old-space-size=1024", 500)).toBe("--max-old-space-size=1024 --max-semi-space-size=2");
    expect(withHeapLimit("--max-semi-space-size=16", 0)).toBe("--max-semi-space-size=16 --max-old-space-size=192");
  });
});
