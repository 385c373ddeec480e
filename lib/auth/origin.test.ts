import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOrigin } from "./origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("sameOrigin", () => {
  it("accepts our own origin, by Host or by the proxy's X-Forwarded-Host", () => {
    expect(sameOrigin(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), [], null)).toBe(true);
    expect(
      sameOrigin(
        h({ host: "app:3000", "x-forwarded-host": "issuance.bank.example", origin: "https://issuance.bank.example" }),
        [],
        null,
      ),
    ).toBe(true);
    expect(sameOrigin(h({ host: "app:3000" }), [], null)).toBe(true);
  });

  it("refuses foreign, null and unparsable origins", () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "not a url",
      "http://127.0.0.1:3000.evil.example",
      "file:///x",
    ]) {
      expect(sameOrigin(h({ host: "127.0.0.1:3000", origin }), [], null), origin).toBe(false);
    }
  });

  it("accepts configured hosts and wildcard subdomains only", () => {
    const allowed = ["issuance.bank.example", "*.branches.bank.example"];
    const at = (origin: string) => sameOrigin(h({ host: "app:3000", origin }), allowed, null);
    expect(at("https://issuance.bank.example")).toBe(true);
    expect(at("https://north.branches.bank.example")).toBe(true);
    expect(at("https://branches.bank.example")).toBe(false);
    expect(at("https://evilbranches.bank.example")).toBe(false);
    expect(at("https://issuance.bank.example.evil.example")).toBe(false);
  });

  it("with a public origin configured, accepts only that origin, whatever X-Forwarded-Host says", () => {
    const pinned = "https://issuance.bank.example";
    const at = (entries: Record<string, string>) => sameOrigin(h(entries), ["extra.bank.example"], pinned);
    expect(at({ host: "app:3000", origin: pinned })).toBe(true);
    expect(at({ host: "app:3000", "x-forwarded-host": "issuance.bank.example", origin: pinned })).toBe(true);
    expect(at({ host: "app:3000" })).toBe(true);
    expect(at({ host: "app:3000", origin: "https://extra.bank.example" })).toBe(true);
    // The pentest's request: the client wrote X-Forwarded-Host itself and a proxy passed it on.
    expect(at({ host: "app:3000", "x-forwarded-host": "evil.example", origin: "https://evil.example" })).toBe(false);
    expect(at({ host: "evil.example", origin: "https://evil.example" })).toBe(false);
    // Same host, other scheme: not the public origin.
    expect(at({ host: "issuance.bank.example", origin: "http://issuance.bank.example" })).toBe(false);
  });

  it("never throws, and accepts a foreign Origin only when its host is ours", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.option(fc.string(), { nil: undefined }), (origin, host, forwarded) => {
        let headers: Headers;
        try {
          headers = h({ origin, host, ...(forwarded === undefined ? {} : { "x-forwarded-host": forwarded }) });
        } catch {
          return; // not a valid header value at all: a client could not send it
        }
        const ok = sameOrigin(headers, [], null);
        if (ok)
          expect(new URL(headers.get("origin")!).host).toBe(
            headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host"),
          );
      }),
      { numRuns: 2000 },
    );
  });
});
