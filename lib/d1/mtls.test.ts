import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createD1Client } from "./client";
import { createD1Dispatcher } from "./dispatcher";
import { startSimFixture, tempPki, type SimFixture } from "@/test-support/d1-simulator";

let fx: SimFixture;

beforeAll(async () => {
  fx = await startSimFixture();
});
afterAll(() => fx.stop());

const tokenForm = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=x";

describe("mutual TLS", () => {
  it("the D1 dispatcher presents the issuer certificate and gets an HTTP answer", async () => {
    const dispatcher = createD1Dispatcher(fx.config());
    const res = await request(fx.sim.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: tokenForm,
      dispatcher,
    });
    await res.body.text();
    expect(res.statusCode).toBe(400); // the handshake passed; the dummy assertion is refused
    await dispatcher.close();
  });

  it("a client without a certificate is refused during the handshake", async () => {
    const noCert = new Agent({ connect: { ca: readFileSync(fx.pki.ca.certPath) } });
    await expect(
      request(fx.sim.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: tokenForm,
        dispatcher: noCert,
      }).then((r) => r.body.text()),
    ).rejects.toThrow();
    await noCert.close();
  });

  it("a certificate from another CA gets unavailable:d1 after the attempts", async () => {
    const foreign = await tempPki();
    try {
      const config = fx.config({
        maxAttempts: 2,
        tls: {
          ...fx.config().tls,
          cert: readFileSync(foreign.pki.issuerClient.certPath, "utf8"),
          key: readFileSync(foreign.pki.issuerClient.keyPath, "utf8"),
        },
      });
      const d1 = createD1Client(config, { sleep: () => Promise.resolve() });
      const e = (await d1.getProductionStatus("card-1").catch((err: unknown) => err)) as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe("unavailable:d1");
      expect(e.detail).toMatchObject({ operation: "status", attempts: 2 });
      expect(String(e.detail?.reason)).toMatch(/^token /);
      await d1.close();
    } finally {
      await rm(foreign.dir, { recursive: true, force: true });
    }
  });

  it("refuses a D1 server whose certificate does not chain to the configured CA", async () => {
    const foreign = await tempPki();
    try {
      const d1 = createD1Client(
        fx.config({ maxAttempts: 1, tls: { ...fx.config().tls, ca: readFileSync(foreign.pki.ca.certPath, "utf8") } }),
      );
      await expect(d1.getProductionStatus("card-1")).rejects.toMatchObject({ code: "unavailable:d1" });
      await d1.close();
    } finally {
      await rm(foreign.dir, { recursive: true, force: true });
    }
  });
});
