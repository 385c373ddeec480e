import { describe, expect, it } from "vitest";
import { supportReference } from "@/db/queries/customers";
import { shortReference } from "./short-reference";

describe("shortReference", () => {
  it("keeps req- and the first 8 hex digits, which the counter's search still reads as a reference", () => {
    const short = shortReference("req-1a2b3c4d-5e6f-4a0b-8c9d-0123456789ab");
    expect(short).toBe("req-1a2b3c4d");
    expect(supportReference(short)).toBe(short);
  });
});
