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

  it("D1_CANCEL_PATH: unset or empty means D1 cannot cancel; a path needs {cardId}", () => {
    expect(loadEnv({}).D1_CANCEL_PATH).toBeUndefined();
    expect(loadEnv({ D1_CANCEL_PATH: "" }).D1_CANCEL_PATH).toBeUndefined();
    const path = "/issuers/{issuerId}/physicalCards/{cardId}/operations:cancel";
    expect(loadEnv({ D1_CANCEL_PATH: path }).D1_CANCEL_PATH).toBe(path);
    expect(() => loadEnv({ D1_CANCEL_PATH: "/issuers/{issuerId}/cancel" })).toThrow(/D1_CANCEL_PATH[\s\S]*\{cardId\}/);
    expect(() => loadEnv({ D1_CANCEL_PATH: "https://elsewhere/{cardId}" })).toThrow(/D1_CANCEL_PATH/);
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
    expect(loadEnv({}).SHUTDOWN_GRACE_SECONDS).toBe(25);
    expect(() => loadEnv({ SHUTDOWN_GRACE_SECONDS: "10", SHUTDOWN_DRAIN_SECONDS: "10" })).toThrow(
      /SHUTDOWN_DRAIN_SECONDS must be less than SHUTDOWN_GRACE_SECONDS/,
    );
    expect(() => loadEnv({ SHUTDOWN_GRACE_SECONDS: "1" })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
    expect(loadEnv({ PUBLIC_ORIGIN: "https://issuance.bank.example/some/path" }).PUBLIC_ORIGIN).toBe(
      "https://issuance.bank.example",
    );
    expect(() => loadEnv({ PUBLIC_ORIGIN: "ftp://issuance.bank.example" })).toThrow(/PUBLIC_ORIGIN/);
  });

  it("refuses simulated card data with a real D1 unless allowed, naming the setting", () => {
    const d1 = { D1_BANKING_URL: "https://api.d1.thalescloud.io/banking/v1" };
    expect(loadEnv({}).CARD_SYSTEM).toBe("simulated");
    expect(() => loadEnv(d1)).toThrow(/CARD_SYSTEM: is simulated[\s\S]*CARD_SYSTEM_ALLOW_SIMULATED=true/);
    expect(() => loadEnv({ ...d1, CARD_SYSTEM: "simulated" })).toThrow(/CARD_SYSTEM/);
    expect(loadEnv({ ...d1, CARD_SYSTEM_ALLOW_SIMULATED: "true" }).CARD_SYSTEM).toBe("simulated");
    const http = {
      CARD_SYSTEM: "http",
      CARD_SYSTEM_URL: "https://cms.bank.example/v1",
      CARD_SYSTEM_TLS_CERT_FILE: "/etc/bii/cms.crt",
      CARD_SYSTEM_TLS_KEY_FILE: "/etc/bii/cms.key",
    };
    expect(loadEnv({ ...d1, ...http })).toMatchObject({ CARD_SYSTEM: "http", CARD_SYSTEM_TIMEOUT_MS: 5000 });
  });

  it("requires the URL, certificate and key with CARD_SYSTEM=http, and https only", () => {
    expect(() => loadEnv({ CARD_SYSTEM: "http" })).toThrow(
      /CARD_SYSTEM_URL, CARD_SYSTEM_TLS_CERT_FILE, CARD_SYSTEM_TLS_KEY_FILE: required with CARD_SYSTEM=http/,
    );
    expect(() => loadEnv({ CARD_SYSTEM_URL: "http://cms.bank.example" })).toThrow(/CARD_SYSTEM_URL/);
    expect(() => loadEnv({ CARD_SYSTEM: "mainframe" })).toThrow(/CARD_SYSTEM/);
  });

  describe("D1 notification authentication", () => {
    const oauth = { D1_NOTIFY_CLIENT_ID: "d1", D1_NOTIFY_CLIENT_SECRET: "s3cret" };
    const mtls = { D1_NOTIFY_CLIENT_SUBJECT: "CN=D1,O=Thales", TRUSTED_PROXY_SECRET: "p".repeat(32) };

    it("defaults to both when both are configured, else to the one configured, else off", () => {
      expect(loadEnv({ ...oauth, ...mtls }).D1_NOTIFY_AUTH).toBe("mtls+oauth");
      expect(loadEnv(oauth).D1_NOTIFY_AUTH).toBe("oauth");
      expect(loadEnv(mtls).D1_NOTIFY_AUTH).toBe("mtls");
      expect(loadEnv({ D1_NOTIFY_CLIENT_SUBJECT: "CN=D1", TRUSTED_PROXY_ADDRESSES: "10.0.0.5" }).D1_NOTIFY_AUTH).toBe(
        "mtls",
      );
      expect(loadEnv({}).D1_NOTIFY_AUTH).toBeUndefined();
      // An empty line in .env is unset, as for every optional setting.
      expect(loadEnv({ ...oauth, D1_NOTIFY_AUTH: "", TRUSTED_PROXY_SECRET: "" }).D1_NOTIFY_AUTH).toBe("oauth");
      expect(loadEnv({ ...oauth, ...mtls, D1_NOTIFY_AUTH: "oauth" }).D1_NOTIFY_AUTH).toBe("oauth");
    });

    it("refuses every setting that would accept an unauthenticated notification", () => {
      expect(() => loadEnv({ D1_NOTIFY_AUTH: "mtls", TRUSTED_PROXY_SECRET: "p".repeat(32) })).toThrow(
        /D1_NOTIFY_CLIENT_SUBJECT: required with D1_NOTIFY_AUTH=mtls/,
      );
      // A subject without proxy trust: anyone could send the proxy's headers.
      expect(() => loadEnv({ D1_NOTIFY_CLIENT_SUBJECT: "CN=D1" })).toThrow(
        /TRUSTED_PROXY_SECRET or TRUSTED_PROXY_ADDRESSES/,
      );
      expect(() => loadEnv({ ...oauth, D1_NOTIFY_AUTH: "mtls+oauth" })).toThrow(/TRUSTED_PROXY_SECRET or/);
      expect(() => loadEnv({ ...mtls, D1_NOTIFY_AUTH: "oauth" })).toThrow(
        /D1_NOTIFY_CLIENT_ID and D1_NOTIFY_CLIENT_SECRET/,
      );
      expect(() => loadEnv({ ...mtls, D1_NOTIFY_AUTH: "none" })).toThrow(/D1_NOTIFY_AUTH/);
    });

    it("validates the subject, the proxy secret, the addresses and the header names", () => {
      expect(() => loadEnv({ ...mtls, D1_NOTIFY_CLIENT_SUBJECT: "/C=FR/CN=D1" })).toThrow(/RFC 4514/);
      expect(() => loadEnv({ ...mtls, TRUSTED_PROXY_SECRET: "short" })).toThrow(/at least 32/);
      expect(() => loadEnv({ TRUSTED_PROXY_ADDRESSES: "10.0.0.5, proxy.bank" })).toThrow(/TRUSTED_PROXY_ADDRESSES/);
      expect(() => loadEnv({ TRUSTED_PROXY_ADDRESSES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXY_ADDRESSES/);
      expect(loadEnv({ TRUSTED_PROXY_ADDRESSES: "10.0.0.0/8, fd00::/8" }).TRUSTED_PROXY_ADDRESSES).toEqual([
        "10.0.0.0/8",
        "fd00::/8",
      ]);
      expect(loadEnv({ D1_NOTIFY_CLIENT_CERT_HEADER: "X-Client-Verify" }).D1_NOTIFY_CLIENT_CERT_HEADER).toBe(
        "x-client-verify",
      );
      expect(() => loadEnv({ D1_NOTIFY_CLIENT_SUBJECT_HEADER: "X Client: DN" })).toThrow(
        /D1_NOTIFY_CLIENT_SUBJECT_HEADER/,
      );
    });
  });
});
