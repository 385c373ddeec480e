import { describe, expect, it } from "vitest";
import { heapLimitMB, withHeapLimit } from "./heap";

describe("heap limit guidance", () => {
  it("grows with the streams an instance holds, in steps of 32 MB", () => {
    expect([0, 500, 1_000, 2_000, 5_000].map(heapLimitMB)).toEqual([192, 256, 320, 448, 832]);
  });

  it("is added to NODE_OPTIONS unless the operator set one", () => {
    expect(withHeapLimit(undefined, 256)).toBe("--max-old-space-size=256");
    expect(withHeapLimit("--enable-source-maps", 256)).toBe("--enable-source-maps --max-old-space-size=256");
    expect(withHeapLimit("--max-old-space-size=1024", 256)).toBe("--max-old-space-size=1024");
  });
});
