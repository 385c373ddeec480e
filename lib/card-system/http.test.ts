// The HTTP card system against the stub of docs/card-system.openapi.yaml, over mutual TLS.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { startCardSystemStub, type RunningCardSystemStub } from "@/sim/card-system";
import { tempPki } from "@/test-support/d1-simulator";
import type { DevPki } from "@/sim/pki";
import { cardSystemProbe } from "@/lib/d1/preflight-card-system";
import { englishText, type D1Text } from "@/lib/d1/preflight-text";
import { HttpCardSystem, type HttpCardSystemConfig } from "./http";
import { SimulatedCardSystem } from "./simulated";

let pki: DevPki;
let stub: RunningCardSystemStub;
let system: HttpCardSystem;

const product = { bin: "520000", panLength: 16, expiryMonths: 24 };
const allocation = (cardId: string) => ({ jobId: `job-${cardId}`, cardId, product, nameOnCard: " JANE DOE " });
const read = (file: string) => readFileSync(file, "utf8");

function config(overrides: Partial<HttpCardSystemConfig> = {}): HttpCardSystemConfig {
  return {
    url: stub.url,
    tls: { cert: read(pki.issuerClient.certPath), key: read(pki.issuerClient.keyPath), ca: read(pki.ca.certPath) },
    timeoutMs: 1_000,
    maxAttempts: 3,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as AppError | undefined)?.code ?? "resolved";
}

beforeAll(async () => {
  ({ pki } = await tempPki());
  stub = await startCardSystemStub({ pki, port: 0, controlPort: 0 });
  system = new HttpCardSystem(config());
});
afterAll(async () => {
  await system.close();
  await stub.stop();
});
beforeEach(() => stub.faults.clear());

describe("HttpCardSystem", () => {
  it("allocates over mTLS: the same card per cardId, the name added locally, PANs the scan derives", async () => {
    const card = await system.allocate(allocation("card-1"));
    expect(await system.allocate(allocation("card-1"))).toEqual(card);
    expect(card.name).toBe("JANE DOE");
    expect(card.panSequenceNumber).toBe("00");
    // The e2e PAN scan recomputes PANs with the simulated source: the stub's must be the same.
    expect(card.pan).toBe((await new SimulatedCardSystem().allocate(allocation("card-1"))).pan);
    expect(await system.ping()).toMatchObject({ kind: "http" });
  });

  it("retries a 500 and a slow answer within its attempts, and gives up as unavailable:card_system", async () => {
    stub.faults.add({ mode: "http500", count: 2, delayMs: 0 });
    await expect(system.allocate(allocation("card-2"))).resolves.toMatchObject({ name: "JANE DOE" });
    expect(stub.counters.allocations["card-2"]).toBe(1);

    stub.faults.add({ mode: "http500", count: 3, delayMs: 0 });
    expect(await codeOf(system.allocate(allocation("card-3")))).toBe("unavailable:card_system");

    const impatient = new HttpCardSystem(config({ timeoutMs: 200, maxAttempts: 2 }));
    stub.faults.add({ mode: "slow", count: 2, delayMs: 3_000 });
    expect(await codeOf(impatient.allocate(allocation("card-4")))).toBe("unavailable:card_system");
    await impatient.close();
  });

  it("refuses a PAN failing Luhn and the same PAN for two cardIds", async () => {
    stub.faults.add({ mode: "badLuhn", count: 1, delayMs: 0 });
    expect(await codeOf(system.allocate(allocation("card-5")))).toBe("invalid:card_system");
    await system.allocate(allocation("card-6"));
    stub.faults.add({ mode: "duplicatePan", count: 1, delayMs: 0 });
    expect(await codeOf(system.allocate(allocation("card-7")))).toBe("invalid:card_system");
    // A PAN of the wrong product (length) is refused too.
    const wrongLength = { ...allocation("card-8"), product: { ...product, panLength: 19 } };
    stub.faults.add({ mode: "duplicatePan", count: 1, delayMs: 0 });
    expect(await codeOf(system.allocate(wrongLength))).toBe("invalid:card_system");
  });

  it("activates and blocks idempotently, and turns a refused activation into conflict:card_system", async () => {
    await system.allocate(allocation("card-9"));
    await system.activate({ cardId: "card-9" });
    await system.activate({ cardId: "card-9" });
    expect(stub.state("card-9")).toBe("active");
    stub.faults.add({ mode: "refuseActivation", count: 1, delayMs: 0 });
    await system.allocate(allocation("card-10"));
    expect(await codeOf(system.activate({ cardId: "card-10" }))).toBe("conflict:card_system");
    await system.block({ cardId: "card-9", reason: "lost" });
    await system.block({ cardId: "card-9", reason: "lost" });
    expect(stub.state("card-9")).toBe("blocked");
    expect(await codeOf(system.activate({ cardId: "card-9" }))).toBe("conflict:card_system");
    expect(await codeOf(system.block({ cardId: "unknown", reason: "stolen" }))).toBe("not_found:card_system");
  });

  it("is unavailable:card_system when its client certificate is not trusted", async () => {
    const other = await tempPki();
    const stranger = new HttpCardSystem(
      config({
        tls: {
          cert: read(other.pki.issuerClient.certPath),
          key: read(other.pki.issuerClient.keyPath),
          ca: read(pki.ca.certPath),
        },
      }),
    );
    expect(await codeOf(stranger.ping())).toBe("unavailable:card_system");
    await stranger.close();
  });

  it("answers the pre-flight check's card system step, and fails it when unreachable", async () => {
    const probe = cardSystemProbe("http", () => system);
    expect(englishText(probe.name as D1Text)).toContain("CARD_SYSTEM=http");
    expect(englishText(await probe.ping())).toMatch(/^It answered in \d+ ms\.$/);
    stub.faults.add({ mode: "http500", count: 3, delayMs: 0 });
    await expect(probe.ping()).rejects.toMatchObject({ code: "unavailable:card_system" });
    expect(englishText(await cardSystemProbe("simulated", () => new SimulatedCardSystem()).ping())).toMatch(
      /simulated/,
    );
  });
});
