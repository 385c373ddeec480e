import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { errSerializer, maskPan, redactPaths } from "./log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino(
    { redact: { paths: redactPaths, censor: "[redacted]" }, serializers: { err: errSerializer } },
    stream,
  );
  return { logger, lines };
}

describe("log redaction", () => {
  it("removes card data fields wherever they sit in a log object", () => {
    const { logger, lines } = capture();
    logger.info(
      { pan: "4532015112830366", card: { exp: "2906", cvv: "123" }, body: { data: { pin: "1234" } }, cardId: "c-1" },
      "order",
    );
    const out = lines.join("");
    expect(out).not.toContain("4532015112830366");
    expect(out).not.toContain("2906");
    expect(out).not.toContain('"123"');
    expect(out).not.toContain("1234");
    expect(out).toContain('"cardId":"c-1"');
    expect(out.match(/\[redacted\]/g)?.length).toBe(4);
  });

  it("logs a failed query without its SQL text and parameters", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error("Failed query: insert into x values ($1)\nparams: JANE DOE"), {
      query: "insert into x values ($1)",
      params: ["JANE DOE"],
      cause: new Error("connection terminated"),
    });
    logger.error({ err: error }, "route crashed");
    const out = lines.join("");
    expect(out).toContain("Failed query");
    expect(out).toContain("connection terminated");
    expect(out).not.toContain("JANE DOE");
    expect(out).not.toContain("insert into x");
  });

  it("masks anything that looks like a PAN in free text, keeping the last four digits", () => {
    expect(maskPan("card 4532 0151 1283 0366 failed")).toBe("card …0366 failed");
    expect(maskPan("pan=4532015112830366")).toBe("pan=…0366");
    expect(maskPan("order 12345 for branch BR001")).toBe("order 12345 for branch BR001");
  });
});
