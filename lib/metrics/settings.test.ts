import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { errorCodeLabel } from "./hooks";
import { instanceName } from "./registry";

describe("metrics and tracing settings", () => {
  it("are off unless set: no token, no listener, no trace export", () => {
    expect(loadEnv({})).toMatchObject({ METRICS_HOST: "127.0.0.1" });
    const env = loadEnv({ METRICS_TOKEN: "", METRICS_PORT: "", OTEL_EXPORTER_OTLP_ENDPOINT: "" });
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.METRICS_PORT).toBeUndefined();
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it("are validated: a short token, a bad port, the app's own port, a non-HTTP collector", () => {
    expect(() => loadEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16/);
    expect(() => loadEnv({ METRICS_PORT: "70000" })).toThrow(/METRICS_PORT/);
    expect(() => loadEnv({ METRICS_PORT: "3000" })).toThrow(/METRICS_PORT: must differ from PORT/);
    expect(() => loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://collector:4317" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(loadEnv({ METRICS_PORT: "9464", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toMatchObject({
      METRICS_PORT: 9464,
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
    });
  });

  it("names the instance by APP_INSTANCE, else the host name", () => {
    expect(instanceName("app-2")).toBe("app-2");
    expect(instanceName(undefined)).toMatch(/.+/);
    expect(instanceName("  ")).toBe(instanceName(undefined));
  });

  it("keeps a D1 errorCode label to its documented shape", () => {
    expect(errorCodeLabel("FIELD_INVALID_VALUE")).toBe("FIELD_INVALID_VALUE");
    expect(errorCodeLabel(undefined)).toBe("");
    expect(errorCodeLabel("4111111111111111 for JANE DOE")).toBe("other");
    expect(errorCodeLabel("x".repeat(41))).toBe("other");
  });
});
