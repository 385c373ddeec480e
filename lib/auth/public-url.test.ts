import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { authOrigin, onPublicOrigin } from "./public-url";

// What Next.js hands the route handler under `next start -H 127.0.0.1` for a browser at
// http://127.0.0.1:3921: a NextRequest whose URL says localhost (its loopback normalisation).
function routeRequest(init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest("http://127.0.0.1:3921/api/auth/callback/oidc?code=abc&state=xyz", {
    method: init.method ?? "GET",
    body: init.body,
    headers: {
      host: "127.0.0.1:3921",
      "x-forwarded-host": "127.0.0.1:3921",
      "x-forwarded-proto": "http",
      ...init.headers,
    },
  });
}

describe("the callback URL Auth.js sees", () => {
  it("is on the browser's origin, not Next.js's localhost, without AUTH_URL", () => {
    const request = routeRequest();
    expect(new URL(request.url).host).toBe("localhost:3921"); // the cause of the mismatch
    const url = new URL(onPublicOrigin(request, undefined).url);
    expect(url.origin).toBe("http://127.0.0.1:3921");
    expect(url.pathname + url.search).toBe("/api/auth/callback/oidc?code=abc&state=xyz");
  });

  it("is AUTH_URL's origin when set, loopback addresses included", () => {
    expect(new URL(onPublicOrigin(routeRequest(), "http://127.0.0.1:3921").url).origin).toBe("http://127.0.0.1:3921");
    expect(new URL(onPublicOrigin(routeRequest(), "https://issuance.bank.example").url).origin).toBe(
      "https://issuance.bank.example",
    );
  });

  it("follows the TLS proxy's forwarded host and protocol, as the sign-in leg does", () => {
    const headers = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "issuance.bank.example",
      "x-forwarded-proto": "https",
    });
    expect(authOrigin(headers, undefined)).toBe("https://issuance.bank.example");
    expect(authOrigin(headers, "https://pinned.bank.example/")).toBe("https://pinned.bank.example");
  });

  it("keeps the method, headers and body of a POST", async () => {
    const request = routeRequest({
      method: "POST",
      body: "csrfToken=t",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: "a=b" },
    });
    const moved = onPublicOrigin(request, undefined);
    expect(moved.method).toBe("POST");
    expect(moved.headers.get("cookie")).toBe("a=b");
    expect(await moved.text()).toBe("csrfToken=t");
  });
});
