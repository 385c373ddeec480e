import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./pg-error";

describe("database unavailable", () => {
  it("recognises a refused connection, also wrapped as drizzle wraps it", async () => {
    const client = new pg.Client({
      connectionString: "postgres://x:y@127.0.0.1:1/none",
      connectionTimeoutMillis: 2000,
    });
    const refused = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).not.toBeNull();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Failed query: select 1"), { cause: refused }))).toBe(true);
    expect(
      isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" }),
    ).toBe(true);
  });

  it("does not mistake a bug or a constraint violation for an outage", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "23505", message: "duplicate key" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
