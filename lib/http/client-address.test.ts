import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forwardedClientAddress, normalizeAddress, UNKNOWN_ADDRESS } from "./client-address";

describe("forwardedClientAddress", () => {
  it("without proxies, takes the socket's peer (right-most), never what the client wrote", () => {
    expect(forwardedClientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(forwardedClientAddress("198.51.100.7, 203.0.113.9", 0)).toBe("203.0.113.9");
    expect(forwardedClientAddress("198.51.100.77;=2+2, 10.0.0.1, 203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("behind trusted proxies, takes the entry the outermost one appended", () => {
    // client wrote 198.51.100.7; proxy 1 saw 203.0.113.9; proxy 2 saw proxy 1 (10.0.0.2); we see proxy 2.
    const chain = "198.51.100.7, 203.0.113.9, 10.0.0.2, 10.0.0.3";
    expect(forwardedClientAddress(chain, 2)).toBe("203.0.113.9");
    expect(forwardedClientAddress(chain, 1)).toBe("10.0.0.2");
  });

  it("answers a fixed placeholder for a short chain or an entry that is not an IP", () => {
    expect(forwardedClientAddress(null, 0)).toBe(UNKNOWN_ADDRESS);
    expect(forwardedClientAddress("203.0.113.9", 1)).toBe(UNKNOWN_ADDRESS);
    expect(forwardedClientAddress("198.51.100.77;=2+2, 10.0.0.1", 1)).toBe(UNKNOWN_ADDRESS);
    expect(forwardedClientAddress("unknown", 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("spells one address one way", () => {
    expect(normalizeAddress("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(normalizeAddress("192.0.2.1:5678")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
    expect(normalizeAddress("=cmd|' /C calc'!A0")).toBeNull();
  });

  it("whatever the client prepends, the answer is the trusted entry or the placeholder", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }), fc.ipV4(), (forged, peer) => {
        const chain = [...forged, peer].join(", ");
        expect(forwardedClientAddress(chain, 0)).toBe(peer);
      }),
    );
  });
});
