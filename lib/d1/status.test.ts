import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createD1Client, type D1Client } from "./client";
import { latestProduceOperation, productionStatusSchema, type ProductionStatus } from "./status";
import { orderInput, startSimFixture, type SimFixture, type SimOrder } from "@/test-support/d1-simulator";

let fx: SimFixture;
let d1: D1Client;

beforeAll(async () => {
  fx = await startSimFixture();
  d1 = createD1Client(fx.config());
});
afterAll(async () => {
  await d1.close();
  await fx.stop();
});

async function pollUntil(cardId: string, done: (s: ProductionStatus) => boolean): Promise<ProductionStatus> {
  for (let i = 0; i < 400; i++) {
    const status = await d1.getProductionStatus(cardId);
    if (status && done(status)) return status;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no final status for ${cardId}`);
}

describe("getProductionStatus", () => {
  it("returns null for a card D1 does not know", async () => {
    expect(await d1.getProductionStatus("never-ordered")).toBeNull();
  });

  it("returns the latest operation of an ordered card", async () => {
    const ordered = await d1.orderInstantCard(orderInput("card-status"));
    const status = await pollUntil("card-status", (s) => s.operations.some((op) => op.status !== "PENDING"));
    const op = latestProduceOperation(status);
    expect(op).toMatchObject({
      operation: "PRODUCE",
      status: "SUCCESSFUL",
      cardId: "card-status",
      issuerRequestId: "req-card-status",
      details: { status: "CARD_PROD_DONE" },
    });
    expect(op?.operationId).toBe(ordered.status === 202 ? ordered.operationId : undefined);
    const sim = await fx.admin<SimOrder>("GET", "/orders/card-status");
    expect(status.operations).toEqual([sim.latest]);
  });

  it("reports a station failure with D1's error fields", async () => {
    await fx.admin("POST", "/stations/BR001-PS-02/faults", { kind: "jam", count: 1 });
    await d1.orderInstantCard(orderInput("card-jam", { persoStation: "BR001-PS-02" }));
    const status = await pollUntil("card-jam", (s) => s.operations.some((op) => op.status !== "PENDING"));
    expect(latestProduceOperation(status)).toMatchObject({
      status: "FAILED",
      details: { status: "CARD_PROD_EXCEPTION", reason: "jam" },
      errorCode: "SIM_CARD_JAM",
    });
  });

  it("refuses an invalid cardId", async () => {
    await expect(d1.getProductionStatus("../etc")).rejects.toBeInstanceOf(AppError);
  });
});

describe("production status parsing", () => {
  it("keeps unknown fields and unknown status values", () => {
    const parsed = productionStatusSchema.parse({
      operations: [
        {
          operationId: "op-1",
          operation: "PRODUCE",
          status: "PENDING",
          startTime: "2025-01-17T06:28:02.492Z",
          details: { status: "CARD_PROD_ONGOING", site: "X" },
          extra: 1,
        },
      ],
      more: true,
    });
    expect(parsed.operations[0]?.details?.status).toBe("CARD_PROD_ONGOING");
    expect(parsed).toMatchObject({ more: true, operations: [{ extra: 1, details: { site: "X" } }] });
  });

  it("picks the most recent PRODUCE operation and ignores others", () => {
    const status = productionStatusSchema.parse({
      operations: [
        {
          operationId: "b",
          operation: "PRODUCE",
          status: "SUCCESSFUL",
          startTime: "2025-01-02T00:00:00Z",
          endTime: "2025-01-02T00:05:00Z",
        },
        { operationId: "a", operation: "PRODUCE", status: "PENDING", startTime: "2025-01-01T00:00:00Z" },
        { operationId: "c", operation: "ACTIVATE", status: "SUCCESSFUL", startTime: "2025-02-01T00:00:00Z" },
      ],
    });
    expect(latestProduceOperation(status)?.operationId).toBe("b");
    expect(latestProduceOperation({ operations: [] })).toBeUndefined();
  });
});
