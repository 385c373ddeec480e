import { describe, expect, it } from "vitest";
import { PROBLEM_LABEL, problemKind } from "./station-problems";

const problemLabel = (job: Parameters<typeof problemKind>[0]) => PROBLEM_LABEL[problemKind(job)];

const failed = (errorMessage: string | null, errorCode: string | null = "ANY_CODE") => ({
  state: "production_exception" as const,
  errorCode,
  errorMessage,
});

describe("problems in plain words", () => {
  it("reads the kind from D1's free text, never from a code", () => {
    expect(problemKind(failed("jam"))).toBe("jam");
    expect(problemKind(failed("Card jammed in the personalization station"))).toBe("jam");
    expect(problemKind(failed("out of stock"))).toBe("out_of_stock");
    expect(problemKind(failed("station offline"))).toBe("offline");
    expect(problemKind(failed("The personalization station did not answer"))).toBe("offline");
    expect(problemKind(failed("chip write failure"))).toBe("chip");
    expect(problemKind(failed(null))).toBe("station");
    expect(problemLabel(failed("jam"))).toBe("jammed");
  });

  it("says D1's refusals and outages in words too", () => {
    expect(problemLabel({ state: "data_exception", errorCode: "DATA_EXCEPTION", errorMessage: null })).toBe(
      "card data rejected by D1",
    );
    expect(problemLabel({ state: "submission_failed", errorCode: "bad_request:d1", errorMessage: null })).toBe(
      "order not accepted by D1",
    );
    expect(problemLabel({ state: "submitting", errorCode: "unavailable:d1", errorMessage: null })).toBe(
      "D1 not reachable",
    );
  });
});
