import { describe, expect, it } from "vitest";
import { timeZoneName } from "./time-zone-list";

describe("time zone labels", () => {
  it("name a zone in the user's language", () => {
    expect(timeZoneName("Europe/Berlin", "de")).toMatch(/^Mitteleuropäische/);
    expect(timeZoneName("Europe/Berlin", "en")).toMatch(/^Central European/);
    expect(timeZoneName("UTC", "de")).toBeTruthy();
  });
});
