import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { cleanSpan, maskDigits } from "./sanitize";

const span = (attributes: Record<string, unknown>, name = "GET /teller") =>
  ({
    name,
    attributes,
    events: [
      { name: "exception", time: [0, 0], attributes: { "exception.message": "card 4111 1111 1111 1111 refused" } },
    ],
    links: [],
    spanContext: () => ({ traceId: "t", spanId: "s", traceFlags: 1 }),
  }) as unknown as ReadableSpan;

describe("exported spans", () => {
  it("lose URL queries, bodies, parameters and headers, and any PAN-like digits", () => {
    const clean = cleanSpan(
      span(
        {
          "url.full": "https://d1.example/issuers/X/cards?pan=4111111111111111",
          "http.target": "/teller/customers?q=Jane%20Doe",
          "url.query": "q=Jane",
          "http.request.body": '{"pan":"4111111111111111"}',
          "db.query.parameter.0": "4111111111111111",
          "http.request.header.authorization": ["Bearer x"],
          "db.query.text": "select * from jobs where id = $1",
          "bii.note": "card 4111111111111111",
          "http.response.status_code": 200,
        },
        "GET /x?pan=4111111111111111",
      ),
    );
    expect(clean.name).toBe("GET /x");
    expect(clean.attributes).toEqual({
      "url.full": "https://d1.example/issuers/X/cards",
      "http.target": "/teller/customers",
      "db.query.text": "select * from jobs where id = $1",
      "bii.note": "card …1111",
      "http.response.status_code": 200,
    });
    expect(clean.events[0]!.attributes).toEqual({ "exception.message": "card …1111 refused" });
    // The original's identity is kept for the exporter.
    expect(clean.spanContext().spanId).toBe("s");
  });

  it("keep our UUID ids whole, digits and all, while a PAN beside them is masked", () => {
    const id = "card-18a5eab0-6264-4435-9389-e3e8da0b9227";
    expect(maskDigits(id)).toBe(id);
    expect(maskDigits(`${id} 4111-1111-1111-1111`)).toBe(`${id} …1111`);
    expect(maskDigits("a 5555 5555 5555 4444 b")).toBe("a …4444 b");
  });
});
