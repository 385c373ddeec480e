import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("settings", () => {
  it("applies defaults for the embedded product", () => {
    const env = loadEnv({ NODE_ENV: "development" });
    expect(env.PORT).toBe(3000);
    expect(env.SESSION_IDLE_MINUTES).toBe(15);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("has settings for every port npm start listens on, validated", () => {
    expect(loadEnv({})).toMatchObject({ PORT: 3000, EMBEDDED_PG_PORT: 54329, SIM_PORT: 8443, SIM_ADMIN_PORT: 8444 });
    expect(loadEnv({ SIM_PORT: "9443", SIM_ADMIN_PORT: "0" })).toMatchObject({ SIM_PORT: 9443, SIM_ADMIN_PORT: 0 });
    expect(() => loadEnv({ SIM_PORT: "https", SIM_ADMIN_PORT: "70000" })).toThrow(/SIM_PORT[\s\S]*SIM_ADMIN_PORT/);
  });

  it("names every invalid setting in one message", () => {
    expect(() => loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it("requires AUTH_SECRET in production, except while building", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: required in production/);
    expect(loadEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).AUTH_SECRET).toBeUndefined();
  });

  it("requires the OIDC client credentials when an issuer is set", () => {
    expect(() => loadEnv({ AUTH_OIDC_ISSUER: "https://sso.bank.example" })).toThrow(/AUTH_OIDC_CLIENT_ID/);
  });

  it("validates the edge settings: proxy hops, request limits and the public origin", () => {
    expect(loadEnv({})).toMatchObject({
      TRUSTED_PROXY_HOPS: 0,
      HTTP_HEADERS_TIMEOUT_SECONDS: 20,
      HTTP_REQUEST_TIMEOUT_SECONDS: 30,
    });
    expect(() => loadEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => loadEnv({ TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => loadEnv({ HTTP_HEADERS_TIMEOUT_SECONDS: "60", HTTP_REQUEST_TIMEOUT_SECONDS: "30" })).toThrow(
      /HTTP_HEADERS_TIMEOUT_SECONDS may not exceed/,
    );
    expect(loadEnv({ PUBLIC_ORIGIN: "https://issuance.bank.example/some/path" }).PUBLIC_ORIGIN).toBe(
      "https://issuance.bank.example",
    );
    expect(() => loadEnv({ PUBLIC_ORIGIN: "ftp://issuance.bank.example" })).toThrow(/PUBLIC_ORIGIN/);
  });
});
